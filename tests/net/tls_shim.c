/*
 * tls_shim.c -- for tests/net/test_tls.py only, never installed: a
 * "libssl.so" that gives OpenSSL 3 the one name Debian 12's civetweb 1.15
 * still looks for. civetweb is built there for OpenSSL 1.1 and loads
 * libssl.so at run time; OpenSSL 3 renamed SSL_get_peer_certificate to
 * SSL_get1_peer_certificate (the same function: it returns a reference the
 * caller frees) and keeps the old name only as a macro, so civetweb's TLS
 * does not start. With this file first in LD_LIBRARY_PATH, civetweb finds
 * the old name here and everything else in libssl.so.3, which this one
 * links: the test can then show that `crisisroom host --tls-cert` serves
 * https and wss when civetweb has an OpenSSL it can load.
 */
typedef struct ssl_st SSL;
typedef struct x509_st X509;

X509 *SSL_get1_peer_certificate(const SSL *s);
X509 *SSL_get_peer_certificate(const SSL *s);

X509 *SSL_get_peer_certificate(const SSL *s)
{
    return SSL_get1_peer_certificate(s);
}
