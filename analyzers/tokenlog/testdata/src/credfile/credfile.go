// Package credfile: the content of a credential's file is the
// credential. Known by the path: a variable, field or parameter named
// for a credential's file, a constant file name that names one (alone
// or last in filepath.Join), or a function of the package that returns
// such a path. The content of other files (configuration, certificates,
// public keys) and the paths themselves are no credential.
package credfile

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func tokenPath() string {
	dir, _ := os.UserConfigDir()
	return filepath.Join(dir, "app", "token.json")
}

func configPath() string {
	dir, _ := os.UserConfigDir()
	return filepath.Join(dir, "app", "config.json")
}

func loadToken() (string, error) {
	b, err := os.ReadFile(tokenPath())
	if err != nil {
		return "", err
	}
	if !strings.HasPrefix(string(b), "{") {
		return "", fmt.Errorf("token file %s: bad content %s", tokenPath(), b) // want `token read from the file "token.json" is put in an error message by fmt.Errorf`
	}
	return string(b), nil
}

func loadConfig() error {
	b, err := os.ReadFile(configPath())
	if err != nil {
		return err
	}
	return fmt.Errorf("config %s: bad content %s", configPath(), b) // silent: a configuration file
}

type options struct {
	PasswordFile string
	CertFile     string
}

func (o options) load() {
	content, err := os.ReadFile(o.PasswordFile)
	if err != nil {
		log.Printf("cannot read password file %s: %v", o.PasswordFile, err) // silent: the path and the error
		return
	}
	log.Printf("password is %q", strings.TrimSpace(string(content))) // want `password read from the file in PasswordFile reaches log.Printf`
	cert, _ := os.ReadFile(o.CertFile)
	log.Printf("certificate: %s", cert) // silent: a certificate is public
}

func readKey(clientSecretFile, publicKeyPath string) { // want readKey:`tokenlog\(path params \[0 1\]\)`
	data, _ := os.ReadFile(clientSecretFile)
	log.Printf("read %d bytes: %s", len(data), data) // want `client secret read from the file in clientSecretFile reaches log.Printf`
	pub, _ := os.ReadFile(publicKeyPath)
	log.Printf("public key %s", pub) // silent: a public key
	netrc, _ := os.ReadFile(filepath.Join(os.Getenv("HOME"), ".netrc"))
	log.Printf("netrc: %s", netrc) // want `password read from the file ".netrc" reaches log.Printf`
	pubKey, _ := os.ReadFile(filepath.Join(os.Getenv("HOME"), ".ssh", "id_rsa.pub"))
	log.Printf("ssh key: %s", pubKey) // silent: id_rsa.pub is public
}
