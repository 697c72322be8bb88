// Package schemeclient: an http:// URL sent through a client that
// decides the scheme itself (to https when TLS is configured) is the
// client's choice, not the code's; the same URL sent any other way is
// reported.
package schemeclient

import (
	"context"
	"fmt"
	"net/http"

	"schemeclient/httpc"
	"schemeclient/wrap"
)

type uploader struct{ hc *httpc.Client }

// The request goes through the cluster client's Do (another package).
func (u *uploader) upload(ctx context.Context, server, fid, jwt string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+server+"/"+fid, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = u.hc.Do(req)
	return err
}

// The global client, and a copy of the request with a context.
func fetch(ctx context.Context, server, fid, jwt string) error {
	src := fmt.Sprintf("http://%s/%s", server, fid)
	req, err := http.NewRequest(http.MethodGet, src, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = httpc.Global().Do(req.WithContext(ctx))
	return err
}

// The URL is normalised before the request is made, through a wrapper
// of another package.
func put(server, path, jwt string) error {
	target := "http://" + server + path
	fixed, err := wrap.Fix(target)
	if err != nil {
		return err
	}
	target = fixed
	req, err := http.NewRequest(http.MethodPut, target, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = http.DefaultClient.Do(req)
	return err
}

// Near misses: reported.

// Sent with the standard client: nothing changes the scheme.
func plainSend(server, jwt string) error {
	req, err := http.NewRequest(http.MethodGet, "http://"+server+"/status", nil) // want `plain HTTP URL http://… with a run-time host reaches http.NewRequest; use https://`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = http.DefaultClient.Do(req)
	return err
}

// The client only lowers the scheme's case.
func lowered(server, jwt string) error {
	req, err := http.NewRequest(http.MethodGet, "http://"+server+"/lower", nil) // want `plain HTTP URL http://… with a run-time host reaches http.NewRequest; use https://`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	httpc.Lower(req)
	_, err = http.DefaultClient.Do(req)
	return err
}

// The client sets plain HTTP itself.
func downgraded(server, jwt string) error {
	req, err := http.NewRequest(http.MethodGet, "http://"+server+"/down", nil) // want `plain HTTP URL http://… with a run-time host reaches http.NewRequest; use https://`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = httpc.Downgrade(req)
	return err
}

// Another URL is normalised; this one is not.
func otherURL(server, jwt string) error {
	other := "http://" + server + "/other"
	_, _ = httpc.NormalizeURL(other)
	sent := "http://" + server + "/sent" // want `plain HTTP URL http://… with a run-time host reaches http.NewRequest; use https://`
	req, err := http.NewRequest(http.MethodGet, sent, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = http.DefaultClient.Do(req)
	return err
}

// Doer is this package's interface; the only client boxed into it is the
// cluster client.
type Doer interface {
	Do(req *http.Request) (*http.Response, error)
}

type boxedUploader struct{ d Doer }

func newBoxedUploader() *boxedUploader { return &boxedUploader{d: httpc.Global()} }

func (u *boxedUploader) send(server, jwt string) error {
	req, err := http.NewRequest(http.MethodPost, "http://"+server+"/boxed", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = u.d.Do(req)
	return err
}

// Near miss: the standard client is boxed into this one too.
type Sender interface {
	Do(req *http.Request) (*http.Response, error)
}

type mixed struct{ s Sender }

func newMixed(plain bool) *mixed {
	if plain {
		return &mixed{s: http.DefaultClient}
	}
	return &mixed{s: httpc.Global()}
}

func (m *mixed) send(server, jwt string) error {
	req, err := http.NewRequest(http.MethodPost, "http://"+server+"/mixed", nil) // want `plain HTTP URL http://… with a run-time host reaches http.NewRequest; use https://`
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+jwt)
	_, err = m.s.Do(req)
	return err
}
