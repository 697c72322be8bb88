// Package sentfields: a field the package sends as a credential (the
// value of a credential header, the password of SetBasicAuth, a
// client's token parameter) holds one wherever else it goes, whatever
// it is called. Fields sent under other headers or parameters, and
// other fields of the same struct, are not.
package sentfields

import (
	"fmt"
	"log"
	"net/http"
	"net/url"
)

type relay struct {
	Base    string
	PSPKey  string
	Auth    string
	Account string
	Secret2 string
	Region  string
	Trace   string
	Login   string
	Pass    string
}

func (rl *relay) refund(ref string) error {
	req, err := http.NewRequest("POST", rl.Base+"/refunds/"+ref, nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-API-Key", rl.PSPKey)
	req.Header.Set("X-Region", rl.Region)
	req.Header.Set("X-Request-Id", rl.Trace)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("refund at %s for %s: %w", rl.Base, rl.Account, err) // silent: a URL and an account id
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized {
		return fmt.Errorf("psp refused key %q for refund of %s", rl.PSPKey, ref) // want `API key in field PSPKey \(sent as the X-API-Key header at sentfields.go:32\) is put in an error message by fmt.Errorf`
	}
	log.Printf("refund %s in region %s (trace %s)", ref, rl.Region, rl.Trace) // silent: fields sent under other headers
	return nil
}

func (rl *relay) bearer(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+rl.Auth)
}

func (rl *relay) describe() {
	log.Printf("relay auth %s", rl.Auth) // want `credential in field Auth \(sent as the Authorization header at sentfields.go:48\) reaches log.Printf`
}

func (rl *relay) basic(req *http.Request) {
	req.SetBasicAuth(rl.Login, rl.Pass)
	log.Printf("basic auth as %s", rl.Login)  // silent: the user name
	log.Printf("basic auth with %s", rl.Pass) // want `password in field Pass \(sent as parameter password of SetBasicAuth at sentfields.go:56\) reaches log.Printf`
	u := url.UserPassword(rl.Login, rl.Secret2)
	log.Printf("userinfo user %s", u.Username()) // silent: the user name
}

func (rl *relay) userinfo() {
	log.Printf("second secret %s", rl.Secret2) // want `password in field Secret2 \(sent as parameter password of UserPassword at sentfields.go:59\) reaches log.Printf`
}

// A client of another API whose token parameter names the value.
type apiClient struct{}

func (apiClient) Call(path, token string) error { return nil }

type job struct {
	Name   string
	Handle string
}

func (j job) run(c apiClient) {
	_ = c.Call("/jobs/"+j.Name, j.Handle)
	log.Printf("job %s ran with %s", j.Name, j.Handle) // want `token in field Handle \(sent as parameter token of Call at sentfields.go:78\) reaches log.Printf`
}

// A header that is no credential, and a cursor parameter.
type page struct {
	Next string
	Lang string
}

func list(c interface {
	List(pageToken string) error
}, p page, req *http.Request) {
	req.Header.Set("Accept-Language", p.Lang)
	_ = c.List(p.Next)
	log.Printf("page %s in %s", p.Next, p.Lang) // silent: a cursor and a language
}

type connectToken struct {
	Id     string
	Secret string
}

// cacheKey keys a cache by address and token.
func cacheKey(addr, token string) string { return addr + "/" + token }

// Near miss: the token's id, handed to the helper's token parameter,
// is the key it is cached by; its secret, handed the same way, is the
// credential.
func proxy(addr string, t connectToken) {
	_ = cacheKey(addr, t.Id)
	log.Printf("proxy %s token %s", addr, t.Id)
	_ = cacheKey(addr, t.Secret)
	log.Printf("proxy %s secret %s", addr, t.Secret) // want `secret in field Secret reaches log.Printf`
}

type account struct {
	Email    string
	Passcode string
}

type store interface {
	SetPassword(userID int, password string) error
}

// Near miss: a development account whose password is its e-mail address
// hands Email to a password parameter once; the address logged where an
// invalid one is skipped is still an address. A field with no such name
// handed the same way is the credential (Passcode).
func provision(s store, accounts []account) {
	for i, a := range accounts {
		if a.Email == "" || a.Email[0] == '@' {
			log.Printf("invalid address %s", a.Email)
			continue
		}
		_ = s.SetPassword(i, a.Email)
		_ = s.SetPassword(i, a.Passcode)
		log.Printf("code %s", a.Passcode) // want `password in field Passcode`
	}
}

type provider struct {
	Key, Secret, AppKey string
}

// newProvider takes an OAuth client's key pair, as goth's providers do.
func newProvider(clientKey, secret, callbackURL string) error { return nil }

// newSigner takes an application key alone.
func newSigner(appKey string) error { return nil }

// Near miss: the key handed beside the secret is the client's public
// half; a key handed alone is the credential.
func addProvider(p provider) {
	_ = newProvider(p.Key, p.Secret, "https://example.com/cb")
	log.Printf("provider %s added", p.Key)
	_ = newSigner(p.AppKey)
	log.Printf("signer %s", p.AppKey) // want `API key in field AppKey`
}
