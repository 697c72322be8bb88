// Package usepathhelper logs settings named like keys; those it hands
// to pathhelper's path parameters are paths, the others are secrets.
package usepathhelper

import (
	"log"

	"pathhelper"
)

type Config struct {
	Root             string
	ClientCert       string
	ClientKey        string // want ClientKey:`tokenlog\(plain: a file path\)`
	CAPrivateKey     string // want CAPrivateKey:`tokenlog\(plain: a file path\)`
	ServerPrivateKey string // want ServerPrivateKey:`tokenlog\(plain: a file path\)`
	SigningKey       string // handed to pathhelper.ParseKey: the key
	EncryptionKey    string // handed to pathhelper.KeyOrPath: maybe the key
	APISecret        string // handed to pathhelper.Under as the name: the secret
	WebhookToken     string // never handed anywhere
}

type server struct{ cfg Config }

// store hands its parameter on to a path parameter of another package.
func store(root, keyFile string) error { // want store:`tokenlog\(path params \[1\]\)`
	_, err := pathhelper.ReadFile(root, keyFile)
	return err
}

func (s *server) start() {
	c := s.cfg
	if !pathhelper.Exists(c.CAPrivateKey) {
		return
	}
	if _, err := pathhelper.LoadKeyPair(c.Root, c.ClientCert, c.ClientKey); err != nil {
		return
	}
	_ = store(c.Root, c.ServerPrivateKey)
	_, _ = pathhelper.ParseKey(c.SigningKey)
	_, _ = pathhelper.KeyOrPath(c.EncryptionKey)
	_, _ = pathhelper.Under(c.Root, c.APISecret)

	log.Printf("client key path %s", c.ClientKey)        // silent: a path
	log.Printf("CA key path %s", c.CAPrivateKey)         // silent: a path
	log.Printf("server key path %s", c.ServerPrivateKey) // silent: a path
	log.Printf("signing key %s", c.SigningKey)           // want `reaches log.Printf`
	log.Printf("encryption key %s", c.EncryptionKey)     // want `reaches log.Printf`
	log.Printf("api secret %s", c.APISecret)             // want `reaches log.Printf`
	log.Printf("webhook token %s", c.WebhookToken)       // want `reaches log.Printf`
}
