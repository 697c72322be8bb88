package state

import (
	"net/http"

	"golang.org/x/oauth2"
)

// Connector and plug-in code (issue 15, class 4): an identity server
// calls its connectors' callbacks through an interface after checking
// the state itself, so a connector's callback that never reads the state
// cannot be judged alone. The verdict is unknown, and unknown is not
// reported.

type Identity struct{ UserID string }

// CallbackConnector is what the server calls back once it has matched
// the request's state with the one it issued.
type CallbackConnector interface {
	LoginURL(callbackURL, state string) (string, error)
	HandleCallback(r *http.Request) (Identity, error)
}

type githubConnector struct{ cfg *oauth2.Config }

func (c *githubConnector) LoginURL(callbackURL, state string) (string, error) {
	return c.cfg.AuthCodeURL(state), nil
}

// HandleCallback implements CallbackConnector: silent.
func (c *githubConnector) HandleCallback(r *http.Request) (Identity, error) {
	tok, err := c.cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		return Identity{}, err
	}
	return Identity{UserID: tok.AccessToken[:0]}, nil
}

var _ CallbackConnector = (*githubConnector)(nil)

// A method that implements no interface is its own callback: reported.
type standalone struct{ cfg *oauth2.Config }

func (s *standalone) callback(r *http.Request) error {
	_, err := s.cfg.Exchange(r.Context(), r.FormValue("code")) // want `without comparing its state`
	return err
}

// A handler method answers the request itself, whatever interface it
// satisfies: reported.
type app struct{ cfg *oauth2.Config }

func (a *app) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.cfg.Exchange(r.Context(), r.FormValue("code")) // want `without comparing its state`
}
