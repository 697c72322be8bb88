// Package elemcarrier: a slice, array or map whose elements are structs
// with a credential field prints every element's field when it is
// printed whole; one whose elements hide the field (a String or
// LogValue method), hold no credential, or are not structs does not.
package elemcarrier

import (
	"encoding/json"
	"log"
	"log/slog"
)

type User struct {
	Username   string
	Password   string
	TotpSecret string
}

type Provider struct {
	ClientID     string
	ClientSecret string
	Scopes       []string
}

type View struct {
	Username string
	Groups   []string
}

type Masked struct{ APIKey string }

func (m Masked) String() string { return "***" }

type Logged struct{ Token string }

func (l Logged) LogValue() slog.Value { return slog.StringValue("redacted") }

func dump(users []User, providers map[string]Provider, ptrs []*User, arr [2]User, views []View, masked []Masked, logged []Logged, names map[string]string) {
	log.Printf("users: %v", users)          // want `\[\]elemcarrier.User with credential field Password is printed whole by log.Printf`
	log.Printf("providers: %+v", providers) // want `map\[string\]elemcarrier.Provider with credential field ClientSecret is printed whole by log.Printf`
	slog.Info("users", "u", ptrs)           // want `\[\]\*elemcarrier.User with credential field Password is printed whole by slog.Info`
	log.Println(arr)                        // want `\[2\]elemcarrier.User with credential field Password is printed whole by log.Println`
	log.Printf("views: %v", views)          // silent: no credential field
	log.Printf("masked: %v", masked)        // silent: each element's String hides the key
	slog.Info("logged", "l", logged)        // silent: each element's LogValue hides the token
	log.Printf("names: %v", names)          // silent: not structs
	log.Printf("%d users", len(users))      // silent: a count
}

type Hidden struct {
	Name   string
	Secret string `json:"-"`
}

func encode(providers map[string]Provider, views []View, hidden []Hidden) {
	b, _ := json.Marshal(providers)
	log.Printf("%s", b) // want `map\[string\]elemcarrier.Provider with credential field ClientSecret`
	v, _ := json.Marshal(views)
	log.Printf("%s", v) // silent: no credential field
	h, _ := json.Marshal(hidden)
	log.Printf("%s", h) // silent: the secret is not encoded
}

// Key is a key source (sops's keys.MasterKey).
type Key interface{ Encrypt() error }

// VaultKey holds a Vault token (sops's hcvault.MasterKey).
type VaultKey struct {
	Address string
	token   string
}

func (k *VaultKey) Encrypt() error { return nil }

// A pointer inside a slice or a map prints as its address: fmt shows a
// struct's fields through a pointer only at the top level (sops logs its
// key groups with %+v). The same pointer printed alone shows them.
func keyGroups(addrs []string, tok string) {
	var group []Key
	for _, a := range addrs {
		group = append(group, &VaultKey{Address: a})
	}
	log.Printf("keys: %+v", group) // silent: elements print as addresses
	byName := map[string]Key{}
	k := &VaultKey{Address: addrs[0]}
	byName["vault"] = k
	log.Printf("keys: %v", byName) // silent: values print as addresses
	slots := make([]Key, 1)
	slots[0] = k
	log.Println(slots)        // silent
	log.Printf("key: %+v", k) // want `\*elemcarrier.VaultKey with credential field token is printed whole by log.Printf`
	var one Key = k
	log.Printf("key: %+v", one) // want `\*elemcarrier.VaultKey with credential field token is printed whole by log.Printf`
}
