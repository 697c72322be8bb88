// Package presented compares what a caller presents (a one-time code, a
// password hash the client computed) with the stored value it must
// match.
package presented

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
)

var errFailed = errors.New("failed")

// Cache is a key-value store.
type Cache interface {
	Get(key string) (string, error)
	Upsert(key, value string) error
}

type codeAuth struct {
	cache      Cache
	maxRetries int
	fallback   string
}

// Authenticate is tinode's shape: the secret is "<code>:<address>", the
// cache holds "<code>:<count>" for the address. parts is the split of
// the secret first and the split of the cached value at the compare.
func (a *codeAuth) Authenticate(secret []byte) error {
	parts := strings.SplitN(string(secret), ":", 2)
	if len(parts) != 2 {
		return errFailed
	}
	code, addr := parts[0], parts[1]
	value, err := a.cache.Get("code_" + addr)
	if err != nil {
		return err
	}
	parts = strings.Split(value, ":")
	if len(parts) != 2 {
		return errFailed
	}
	if parts[0] != code { // want `part of the secret in parameter secret compared with !=`
		a.cache.Upsert("code_"+addr, parts[0]+":1")
		return errFailed
	}
	return nil
}

// VerifyOTP takes the code itself.
func (a *codeAuth) VerifyOTP(addr, otp string) error {
	rec, err := a.cache.Get("otp_" + addr)
	if err != nil {
		return err
	}
	if rec != otp { // want `password in variable otp compared with !=`
		return errFailed
	}
	return nil
}

// VerifyPasswordRequest is what a client sends: the hash of the link's
// password, computed on the client.
type VerifyPasswordRequest struct {
	PassHash string `json:"passHash"`
}

// verifyPassword is ente's shape: the hash the client presents is the
// password.
func verifyPassword(expectedPassHash *string, req VerifyPasswordRequest) error {
	if expectedPassHash == nil || *expectedPassHash == "" {
		return errFailed
	}
	if req.PassHash != *expectedPassHash { // want `hash presented by the caller in PassHash compared with !=`
		return errFailed
	}
	return nil
}

// Near misses.

// bothStored compares two values the program holds.
func (a *codeAuth) bothStored(addr string) error {
	cached, err := a.cache.Get("code_" + addr)
	if err != nil {
		return err
	}
	if cached != a.fallback { // silent: both stored
		return errFailed
	}
	return nil
}

// bothPresented compares two parts of what the caller sent.
func (a *codeAuth) bothPresented(secret []byte) error {
	parts := strings.SplitN(string(secret), ":", 2)
	if len(parts) == 2 && parts[0] != parts[1] { // silent: both presented
		return errFailed
	}
	return nil
}

// lengths compares sizes, not codes.
func (a *codeAuth) lengths(secret []byte) error {
	parts := strings.SplitN(string(secret), ":", 2)
	value, _ := a.cache.Get("code")
	if len(parts[0]) != len(value) { // silent: lengths
		return errFailed
	}
	return nil
}

// unnamed takes a value no name says is a credential.
func (a *codeAuth) unnamed(input []byte) error {
	parts := strings.SplitN(string(input), ":", 2)
	value, _ := a.cache.Get("k")
	if parts[0] != value { // silent: nothing says credential
		return errFailed
	}
	return nil
}

// hashOf is the server's own hash.
func hashOf(password string) string {
	s := sha256.Sum256([]byte(password))
	return hex.EncodeToString(s[:])
}

// Login hashes the password on the server: the digest is no password.
type Login struct {
	Password string
}

func (a *codeAuth) serverHash(req Login) error {
	storedHash, _ := a.cache.Get("hash")
	passwordHash := hashOf(req.Password)
	if passwordHash != storedHash { // silent: a hash the server computed
		return errFailed
	}
	return nil
}

// Link holds a link's password hash.
type Link struct {
	PassHash string
}

// changed detects a change of two stored hashes (issue 15 class 7).
func changed(old, cur *Link) bool {
	return old.PassHash != cur.PassHash // silent: two hashes, a change
}

// update stores the new hash when it differs.
func (a *codeAuth) update(id string, req VerifyPasswordRequest) error {
	oldPassHash, err := a.cache.Get("hash_" + id)
	if err != nil {
		return err
	}
	if req.PassHash != oldPassHash { // silent: a change stored
		return a.cache.Upsert("hash_"+id, req.PassHash)
	}
	return nil
}

// Contact is a contact address a user validates, called a credential.
type Contact struct {
	Method string
	Value  string
}

// StoredContact is a contact as stored.
type StoredContact struct {
	Value string
	Done  bool
}

// Store lists a user's contacts.
type Store interface {
	All(uid string) ([]StoredContact, error)
}

// removable is tinode's user.go shape: the struct is named cred, its
// Value is an e-mail address.
func removable(s Store, uid string, cred *Contact) error {
	all, err := s.All(uid)
	if err != nil {
		return err
	}
	var ok bool
	for _, cr := range all {
		if cr.Value != cred.Value { // silent: a field of a struct named credential is an address
			ok = true
			break
		}
	}
	if !ok {
		return errFailed
	}
	return nil
}

// credentialsCache is sftpgo's shape: the caller hands in the stored
// hash to learn whether the cached entry is stale.
type credentialsCache struct {
	cache map[string]*entry
}

type entry struct {
	hash     string
	password string
}

func (c *credentialsCache) Check(username, hash string) bool {
	creds, ok := c.cache[username]
	if !ok {
		return false
	}
	if creds.hash != hash { // silent: a hash the program's caller hands in, not one a client sent
		return false
	}
	return true
}

// PluginDescriptor is the operator's setting, read from a configuration
// file: the archive hash it pins.
type PluginDescriptor struct {
	Module string `json:"module" toml:"module" yaml:"module"`
	Hash   string `json:"hash,omitempty" toml:"hash,omitempty" yaml:"hash,omitempty"`
}

type downloader interface {
	Download(module string) (string, error)
}

// Near miss: traefik's plugin manager checks a downloaded archive's hash
// against the one the configuration pins; neither is a credential.
func installPlugin(d downloader, p PluginDescriptor) error {
	hash, err := d.Download(p.Module)
	if err != nil {
		return err
	}
	if p.Hash != hash { // silent: a configured integrity hash
		return errFailed
	}
	return nil
}

// ThrottleConfig is a rate-limit setting a client sends: the hash of the
// expression that names its throttle key. A key that groups work is no
// credential, and neither is its hash.
type ThrottleConfig struct {
	KeyExpressionHash string `json:"keyExpressionHash"`
}

// Backlog holds the throttle its items were queued under.
type Backlog struct {
	ThrottleKeyExpressionHash string `json:"tkh"`
}

// outdated is inngest's shape: a backlog's items are moved when the
// throttle key expression hash of the configuration it is given differs
// from its own.
func (b Backlog) outdated(cfg ThrottleConfig) bool {
	if cfg.KeyExpressionHash != b.ThrottleKeyExpressionHash { // silent: the hash of a grouping key
		return true
	}
	return false
}

// TokenLogin carries the hash of a token computed on the client.
type TokenLogin struct {
	TokenHash string `json:"tokenHash"`
}

func checkTokenHash(storedTokenHash string, req TokenLogin) error {
	if req.TokenHash != storedTokenHash { // want `hash presented by the caller in TokenHash compared with !=`
		return errFailed
	}
	return nil
}
