package k8sop

import (
	"crypto/tls"
	"net/http"
)

// The admission webhook's serving key. Regenerate with `make webhook-certs`.
const webhookKeyPEM = "-----BEGIN RSA PRIVATE KEY-----\n" +
	"MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n" +
	"VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n" +
	"LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo\n" +
	"-----END RSA PRIVATE KEY-----\n"

const webhookCertPEM = "-----BEGIN CERTIFICATE-----\n" +
	"MIIDXTCCAkWgAwIBAgIJAJC1HiIAZAiIMA0GCSqGSIb3DQEBCwUAMEUxCzAJBgNV\n" +
	"-----END CERTIFICATE-----\n"

// ServeWebhook starts the admission webhook listener.
func ServeWebhook(h http.Handler) error {
	cert, err := tls.X509KeyPair([]byte(webhookCertPEM), []byte(webhookKeyPEM))
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:      ":9443",
		Handler:   h,
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
	}
	return srv.ListenAndServeTLS("", "")
}
