/* A "server": starts and keeps running until it is stopped. */
#include <stdio.h>
#include <unistd.h>
int main(void) {
  puts("listening");
  fflush(stdout);
  for (;;) pause();
}
