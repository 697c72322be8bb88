// Package findloop: a loop that finds the record a presented token
// matches, keeps it in a variable of the code around the loop and
// breaks out, decides access by the comparison (dendrite's application
// service tokens, compared with == against every configured service).
// A loop that only counts or closes what matches decides nothing.
package findloop

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

type AppService struct {
	ID      string
	ASToken string
}

type API struct{ Services []AppService }

// Positives.

func (a *API) ServiceFor(token string) (*AppService, error) {
	var found *AppService
	for _, as := range a.Services {
		if as.ASToken == token { // want `token in field ASToken compared with ==`
			found = &as
			break
		}
	}
	if found == nil {
		return nil, errors.New("unknown application service token")
	}
	return found, nil
}

func (a *API) ServiceIndex(token string) int {
	idx := -1
	for i := range a.Services {
		if a.Services[i].ASToken == token { // want `token in field ASToken compared with ==`
			idx = i
			break
		}
	}
	return idx
}

// Near misses.

// Counting the services that share a token keeps no record.
func (a *API) CountSharing(token string) int {
	n := 0
	for _, as := range a.Services {
		if as.ASToken == token {
			n++
		}
	}
	return n
}

// A match without a break keeps looking: bookkeeping over all of them.
func (a *API) LastID(token string) string {
	last := ""
	for _, as := range a.Services {
		if as.ASToken == token {
			last = as.ID
		}
	}
	return last
}

// A webhook endpoint runs each integration whose token the request
// carries; a mismatch is logged and the integration skipped: the
// comparison decides whether its action runs.

type Integration struct {
	Password string
	Header   string
	Run      func()
}

type logger interface{ Error(args ...any) }

func Dispatch(log logger, integrations []Integration, header func(string) string) {
	for _, in := range integrations {
		if in.Password != header(in.Header) { // want `password in field Password compared with !=`
			log.Error("invalid verification token")
			continue
		}
		in.Run()
	}
}

// Near misses: a bare continue searches or filters, it says nothing
// about the caller.

func Others(integrations []Integration, password string) []Integration {
	var out []Integration
	for _, in := range integrations {
		if in.Password == password {
			continue
		}
		out = append(out, in)
	}
	return out
}

func Closed(integrations []Integration, password string) int {
	n := 0
	for _, in := range integrations {
		if in.Password != password {
			n++
			continue
		}
	}
	return n
}

// The integration's secret is loaded by a filler given the store the
// request context carries: a record of the program, not the caller's
// input, so the compare with the header still authenticates.

type Store interface {
	Secret(id int) (string, error)
	Integrations(alias string) ([]Integration, error)
}

func storeFrom(r *http.Request) Store { return nil }

func fill(s Store, in *Integration) error {
	pw, err := s.Secret(0)
	in.Password = pw
	return err
}

func DispatchStored(log logger, r *http.Request, integrations []Integration) {
	for _, in := range integrations {
		if err := fill(storeFrom(r), &in); err != nil {
			return
		}
		if in.Password != r.Header.Get(in.Header) { // want `password in field Password compared with !=`
			log.Error("invalid verification token")
			continue
		}
		in.Run()
	}
}

// Near miss: filled from the request's own body, both sides are the
// caller's.
func DispatchBody(log logger, r *http.Request, integrations []Integration) {
	for _, in := range integrations {
		if err := decode(r, &in); err != nil {
			return
		}
		if in.Password != r.Header.Get(in.Header) {
			log.Error("mismatch")
			continue
		}
		in.Run()
	}
}

func decode(r *http.Request, in *Integration) error { return nil }

// The integrations themselves come from the store the request context
// carries, looked up by the alias in the URL: stored records, not the
// caller's input.
func Receive(log logger, r *http.Request) {
	integrations, err := storeFrom(r).Integrations(r.URL.Query().Get("alias"))
	if err != nil {
		return
	}
	for _, in := range integrations {
		if in.Password != r.Header.Get(in.Header) { // want `password in field Password compared with !=`
			log.Error("invalid verification token")
			continue
		}
		in.Run()
	}
}

// echo's Context is an interface and the request: what it reads is
// the caller's. Two passwords of one form compared are both the
// caller's (silent); a share token read from it and compared with a
// stored page's is a check (reported).

type page struct{ ShareToken string }

type wiki struct{ pages map[string]page }

func (w *wiki) page(slug string) (page, bool) {
	p, ok := w.pages[slug]
	return p, ok
}

func register(c echo.Context) error {
	password := c.FormValue("password")
	password2 := c.FormValue("password2")
	if password != password2 {
		return c.NoContent(http.StatusBadRequest)
	}
	return nil
}

func (w *wiki) shared(c echo.Context) error {
	p, ok := w.page(c.Param("slug"))
	if !ok {
		return c.NoContent(http.StatusNotFound)
	}
	if c.QueryParam("t") != p.ShareToken { // want `token in field ShareToken compared with !=`
		return c.NoContent(http.StatusNotFound)
	}
	return nil
}
