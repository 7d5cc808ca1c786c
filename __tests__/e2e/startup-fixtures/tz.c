/*
 * Stands in for a Go binary that calls time.LoadLocation without embedding
 * time/tzdata: it carries the function name pclntab would keep, the
 * build-info magic and the zoneinfo path, and at start it loads a zone from
 * /usr/share/zoneinfo, exiting 1 when it cannot (as LoadLocation would fail).
 */
#include <stdio.h>
__attribute__((used)) static const char go_buildinfo[] = "\xff Go buildinf:";
__attribute__((used)) static const char load_location[] = "time.LoadLocation";
__attribute__((used)) static const char zone_sources[] = "/usr/share/zoneinfo/";
int main(void) {
  FILE *zone = fopen("/usr/share/zoneinfo/UTC", "r");
  if (!zone) {
    fprintf(stderr, "unknown time zone UTC\n");
    return 1;
  }
  fclose(zone);
  puts("time zone UTC loaded");
  return 0;
}
