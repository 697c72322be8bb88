package fieldtypes

import "log"

// Endpoint's String shows the address only.
type Endpoint struct {
	URL   string
	Token string
}

func (e Endpoint) String() string { return e.URL }

// Pair's String shows the password, whatever the type is called.
type Pair struct {
	User     string
	Password string
}

func (p Pair) String() string { return p.User + ":" + p.Password } // want String:`String shows the secret` String:`result 0 is password in field Password`

func shown(e Endpoint, p Pair) {
	log.Printf("endpoint %v", e) // silent: String leaves the token out
	log.Printf("pair %v", p)     // want `password in field Password of fieldtypes.Pair shown by its String method reaches log.Printf`
}
