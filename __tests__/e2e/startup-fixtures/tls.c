/*
 * Stands in for a Go binary that uses crypto/x509's system roots: it carries
 * the strings the Go toolchain leaves in such a binary (the build-info magic
 * and root_linux.go's CA bundle paths), which is all Stagegate's detector
 * reads, and at start it opens the first bundle the way the HTTPS client
 * would, exiting 1 when there is none, so the smoke run without network can
 * tell a working image from a broken one.
 */
#include <stdio.h>
__attribute__((used)) static const char go_buildinfo[] = "\xff Go buildinf:";
__attribute__((used)) static const char *cert_files[] = {
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/ca-bundle.pem",
  "/etc/pki/tls/cacert.pem",
  "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
  "/etc/ssl/cert.pem",
};
int main(void) {
  for (unsigned i = 0; i < sizeof cert_files / sizeof *cert_files; i++) {
    FILE *bundle = fopen(cert_files[i], "r");
    if (bundle) {
      printf("CA bundle %s loaded\n", cert_files[i]);
      fclose(bundle);
      return 0;
    }
  }
  fprintf(stderr, "x509: certificate signed by unknown authority (no CA bundle in the image)\n");
  return 1;
}
