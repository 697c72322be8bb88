// Package pathhelper reads key files for other packages: which of its
// string parameters are file paths is known from its body alone.
package pathhelper

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
)

// ReadFile reads name, under root when one is given.
func ReadFile(root, name string) ([]byte, error) { // want ReadFile:`tokenlog\(path params \[1\]\)`
	if root != "" {
		r, err := os.OpenRoot(root)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return r.ReadFile(name)
	}
	return os.ReadFile(name)
}

// LoadKeyPair reads a certificate and its key through ReadFile.
func LoadKeyPair(root, certPath, keyPath string) (*tls.Certificate, error) { // want LoadKeyPair:`tokenlog\(path params \[1 2\]\)`
	c, err := ReadFile(root, certPath)
	if err != nil {
		return nil, err
	}
	k, err := ReadFile(root, keyPath)
	if err != nil {
		return nil, err
	}
	pair, err := tls.X509KeyPair(c, k)
	return &pair, err
}

// Exists stats the file.
func Exists(name string) bool { // want Exists:`tokenlog\(path params \[0\]\)`
	_, err := os.Stat(name)
	return err == nil
}

// Near miss: the key's PEM text itself, parsed.
func ParseKey(key string) (any, error) {
	b, _ := pem.Decode([]byte(key))
	return x509.ParsePKCS8PrivateKey(b.Bytes)
}

// Near miss: a key or a path: the parameter is also used as content.
func KeyOrPath(key string) ([]byte, error) { // want KeyOrPath:`tokenlog\(param 0 flows to result 0\)`
	if b, err := os.ReadFile(key); err == nil {
		return b, nil
	}
	return []byte(key), nil
}

// Near miss: the parameter is a file name only after being joined: the
// argument handed on is not the parameter as it is.
func Under(dir, secret string) ([]byte, error) {
	return os.ReadFile(filepath.Join(dir, secret+".key"))
}
