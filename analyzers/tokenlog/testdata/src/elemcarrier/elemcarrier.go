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
