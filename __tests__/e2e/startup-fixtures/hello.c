/* Starts, says so, exits 0. */
#include <stdio.h>
int main(void) {
  puts("hello from the smoke run");
  return 0;
}
