// Package saltedcmp: a password or robot secret checked by deriving it
// again with the record's own salt and comparing the result with the
// stored derivation. The caller cannot choose the bytes compared, so the
// comparison leaks nothing (silent), whatever the stored field is named.
// Near misses: no salt, another record's salt, a configured salt, the
// caller's salt, the stored secret inside the derivation (Subsonic), and
// a plain comparison of the presented value.
package saltedcmp

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
)

type User struct {
	Name            string
	Password        string // the salted derivation, despite the name
	Salt            string
	PasswordVersion string
}

type Robot struct {
	Name     string
	Secret   string
	Salt     string
	Disabled bool
}

type Config struct {
	GlobalSalt string
}

var errAuth = errors.New("unauthorized")

func encrypt(content, salt, version string) string {
	h := sha256.Sum256([]byte(content + salt + version))
	return hex.EncodeToString(h[:])
}

func hash(content string) string {
	h := sha256.Sum256([]byte(content))
	return hex.EncodeToString(h[:])
}

func findUser(name string) (*User, error)   { return &User{Name: name}, nil }
func findRobot(name string) (*Robot, error) { return &Robot{Name: name}, nil }

// --- silent: the record's stored derivation against the program's own ---

func matchLocalPassword(name, password string) (*User, error) {
	entry, err := findUser(name)
	if err != nil {
		return nil, err
	}
	if encrypt(password, entry.Salt, entry.PasswordVersion) == entry.Password {
		return entry, nil
	}
	return nil, errAuth
}

func robotAuth(name, secret string) error {
	robot, err := findRobot(name)
	if err != nil {
		return err
	}
	if encrypt(secret, robot.Salt, "sha256") != robot.Secret {
		return errAuth
	}
	return nil
}

// held in a local first
func robotAuthLocal(name, secret string) error {
	robot, err := findRobot(name)
	if err != nil {
		return err
	}
	derived := encrypt(secret, robot.Salt, "sha256")
	if derived != robot.Secret {
		return errAuth
	}
	return nil
}

// --- near misses: still reported ---

// no salt: the caller can search inputs whose hash matches byte by byte
func unsalted(name, password string) error {
	u, err := findUser(name)
	if err != nil {
		return err
	}
	if hash(password) != u.Password { // want `password in field Password compared with !=`
		return errAuth
	}
	return nil
}

// a salt from another record
func otherRecordSalt(name, password string, tmpl *User) error {
	u, err := findUser(name)
	if err != nil {
		return err
	}
	if encrypt(password, tmpl.Salt, "1") != u.Password { // want `password in field Password compared with !=`
		return errAuth
	}
	return nil
}

// a salt from the configuration, the same for every record
func configSalt(cfg *Config, name, password string) error {
	u, err := findUser(name)
	if err != nil {
		return err
	}
	if encrypt(password, cfg.GlobalSalt, "1") != u.Password { // want `password in field Password compared with !=`
		return errAuth
	}
	return nil
}

// the caller's salt: the caller chooses the input whole
func callerSalt(name, password, salt string) error {
	u, err := findUser(name)
	if err != nil {
		return err
	}
	if encrypt(password, salt, "1") != u.Password { // want `password in field Password compared with !=`
		return errAuth
	}
	return nil
}

// the stored secret inside the derivation: the Subsonic form, where the
// caller presents its own copy of the derived value
func subsonic(name, token, salt string) error {
	u, err := findUser(name)
	if err != nil {
		return err
	}
	t := fmt.Sprintf("%x", md5.Sum([]byte(u.Password+salt)))
	if t != token { // want `compared with !=`
		return errAuth
	}
	return nil
}

// the stored value passed with the salt: the derivation is of the stored secret
func storedInside(name, token string) error {
	r, err := findRobot(name)
	if err != nil {
		return err
	}
	if encrypt(r.Secret, r.Salt, "1") != token { // want `compared with !=`
		return errAuth
	}
	return nil
}

// a plain comparison
func plain(name, secret string) error {
	robot, err := findRobot(name)
	if err != nil {
		return err
	}
	if secret != robot.Secret { // want `compared with !=`
		return errAuth
	}
	return nil
}

// The derivation's result carried in a struct, or with an error (zrok's
// login: hpwd, err := rehashPassword(pw, a.Salt); a.Password !=
// hpwd.Password).

type hashedPassword struct {
	Password string
	Salt     string
}

func rehash(password, salt string) (*hashedPassword, error) {
	if salt == "" {
		return nil, errAuth
	}
	return &hashedPassword{Password: encrypt(password, salt, "1"), Salt: salt}, nil
}

func encryptE(content, salt string) (string, error) { return encrypt(content, salt, "1"), nil }

// --- silent ---

func loginStruct(name, password string) error {
	a, err := findUser(name)
	if err != nil {
		return err
	}
	hpwd, err := rehash(password, a.Salt)
	if err != nil {
		return err
	}
	if a.Password != hpwd.Password {
		return errAuth
	}
	return nil
}

func loginWithError(name, password string) error {
	a, err := findUser(name)
	if err != nil {
		return err
	}
	h, err := encryptE(password, a.Salt)
	if err != nil || h != a.Password {
		return errAuth
	}
	return nil
}

// --- still reported: the struct made with another record's salt ---

func loginStructOtherSalt(name, password string, tmpl *User) error {
	a, err := findUser(name)
	if err != nil {
		return err
	}
	hpwd, err := rehash(password, tmpl.Salt)
	if err != nil {
		return err
	}
	if a.Password != hpwd.Password { // want `password in field Password compared with !=`
		return errAuth
	}
	return nil
}
