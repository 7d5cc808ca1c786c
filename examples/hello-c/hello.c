#include <stdio.h>

int main(void) {
  puts("hello from a static binary in scratch");
  return 0;
}
