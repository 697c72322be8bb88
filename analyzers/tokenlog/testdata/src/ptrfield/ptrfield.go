package ptrfield

// ptrfield writes a credential through one read of a pointer field
// (req.URL, c.cfg) and logs through another read of the same field of
// the same value: one object. Near misses: other parts of it, the same
// field of another value.

import (
	"log"
	"net/http"
)

func mint() (accessToken string) { return "t" }

// Positive: reva's overleaf shape, the minted token put in the query of
// a request the function built, then the URL logged.
func Archive(base string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, base, nil)
	if err != nil {
		return nil, err
	}
	q := req.URL.Query()
	q.Add("id", "42")
	q.Add("access_token", mint())
	req.URL.RawQuery = q.Encode()
	log.Printf("archiver url %s", req.URL.String()) // want `token stored under query parameter "access_token" reaches log.Printf`
	log.Printf("archiver url %v", req.URL)          // want `token stored under query parameter "access_token" reaches log.Printf`
	log.Printf("archiver host %s", req.URL.Host)    // silent: the host
	log.Printf("archiver path %s", req.URL.Path)    // silent: the path
	other, _ := http.NewRequest(http.MethodGet, base, nil)
	log.Printf("other url %s", other.URL.String()) // silent: another request
	return req, nil
}

type config struct {
	Host string
	Note string
}

type client struct {
	cfg    *config
	backup *config
}

// Positive: a password stored through one read of c.cfg, the config
// printed whole through another.
func (c *client) Login(password string) { // want Login:`param 1 reaches log.Printf \(own sink\)`
	c.cfg.Note = password
	log.Printf("config %+v", c.cfg)    // want `password in parameter password reaches log.Printf`
	log.Printf("host %s", c.cfg.Host)  // silent: another field
	log.Printf("backup %+v", c.backup) // silent: another field of c
}
