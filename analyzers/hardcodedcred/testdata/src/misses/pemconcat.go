package misses

import "os"

// A PEM private key assembled from constants: no literal holds it whole,
// the folded constant does.
const (
	keyHead = "-----BEGIN RSA PRIVATE KEY-----\n"
	keyBody = "MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumNxhlzi9ZgLRSF1OdCQ7v3zA\n" +
		"yPmL9nKzt2Yc4eWjQ8hLr0bXvU6sN1aF3gT7mD2kR5pZ9xC8yH4jB6wE0qV1nS3t\n"
	keyTail = "-----END RSA PRIVATE KEY-----"
)

const signingKeyPEM = keyHead + keyBody + keyTail // want `credential matching gitleaks rule private-key is the constant keyHead \+ keyBody \+ keyTail`

// Near misses: a public key assembled the same way, a header and footer
// around a placeholder, and a body read at run time.
const (
	pubHead = "-----BEGIN PUBLIC KEY-----\n"
	pubTail = "-----END PUBLIC KEY-----"
)

const publicKeyPEM = pubHead + keyBody + pubTail

const templatePEM = keyHead + "<your key here>\n" + keyTail

var runtimePEM = keyHead + os.Getenv("KEY_BODY") + keyTail
