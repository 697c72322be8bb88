// Package remember: a field compared with a value that the program then
// stores into it holds the value presented before; the comparison asks
// whether it changed. A field holding the program's own secret, or one
// pinned before the comparison, is still an authentication.
package remember

import (
	"errors"
	"fmt"
	"os"
)

var errDenied = errors.New("denied")

type transport struct {
	currentOfferIceCredential string
	lastSessionToken          string
	apiSecret                 string
	pinnedCredential          string
}

func extract(sdp string) (string, string) { return sdp[:4], sdp[4:] }

// Near miss: the peer's ICE credential is compared with the one it sent
// before; the caller stores the value returned.
func (t *transport) isRestartICE(sdp string) (string, bool) {
	user, pwd := extract(sdp)
	credential := fmt.Sprintf("%s:%s", user, pwd)
	restart := t.currentOfferIceCredential != "" && t.currentOfferIceCredential != credential
	return credential, restart
}

func (t *transport) handleOffer(sdp string) error {
	iceCredential, restart := t.isRestartICE(sdp)
	if t.currentOfferIceCredential == "" || restart {
		t.currentOfferIceCredential = iceCredential
	}
	return nil
}

// Near miss: the same function remembers the token after comparing it.
func (t *transport) tokenChanged(sessionToken string) bool {
	changed := t.lastSessionToken != sessionToken
	t.lastSessionToken = sessionToken
	return changed
}

func newTransport() *transport {
	return &transport{apiSecret: os.Getenv("API_SECRET")}
}

// Positive: the program's own secret, never written with what was
// presented.
func (t *transport) authorize(presentedSecret string) error {
	if t.apiSecret != presentedSecret { // want `compared with !=`
		return errDenied
	}
	return nil
}

// Positive: pinned on first use, then every later value is checked
// against the pin: the write comes before the comparison.
func (t *transport) pin(credential string) error {
	if t.pinnedCredential == "" {
		t.pinnedCredential = credential
		return nil
	}
	if t.pinnedCredential != credential { // want `compared with !=`
		return errDenied
	}
	return nil
}

// Positive: the caller stores something else than the compared value.
func (t *transport) check(secret string) (string, bool) {
	ok := t.apiSecret == secret // want `compared with ==`
	return "ok", ok
}

func (t *transport) useCheck(secret string) {
	res, ok := t.check(secret)
	if ok {
		t.apiSecret = res
	}
}
