// Package yesno checks whether servers answer before it trusts them.
package yesno

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"
)

// ServerAvailable learns one thing, whether something answers on the
// address, and sends nothing: a note.
func ServerAvailable(ip string) bool {
	client := http.Client{Timeout: 5 * time.Second}
	for _, url := range []string{"http://" + ip + ":80", "https://" + ip + ":443"} {
		req, err := http.NewRequest("GET", url, nil)
		if err != nil {
			continue
		}
		client.Transport = &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `only learns whether a server answers`
		}
		resp, err := client.Do(req)
		if err == nil {
			resp.Body.Close()
			return true
		}
	}
	return false
}

// SelfSigned tells a self-signed certificate from a broken server by a
// second handshake without verification: a note.
func SelfSigned(addr string) bool {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return false
	}
	defer conn.Close()
	cfg := &tls.Config{InsecureSkipVerify: true} // want `only learns whether a server answers`
	return tls.Client(conn, cfg).Handshake() == nil
}

// Near miss: the probe logs in, so the password crosses a connection
// nobody verified.
func LoginWorks(url, user, secret string) bool {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
	req, _ := http.NewRequest("GET", url, nil)
	req.SetBasicAuth(user, secret)
	resp, err := c.Do(req)
	return err == nil && resp.StatusCode == http.StatusOK
}

var apiKey = loadKey()

func loadKey() string { return "" }

// Near miss: a health check that sends the service's key in a header.
func Healthy(url string) error {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-Api-Key", apiKey)
	_, err = c.Do(req)
	return err
}

// Near miss: a bool result, but the config is installed in the shared
// default transport and outlives the call.
func TrustAll() bool {
	t, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		return false
	}
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // want `InsecureSkipVerify to true: the server's certificate`
	return true
}

// Near miss: a dial helper returns its connection for others to use.
func Dial(addr string) (net.Conn, error) {
	return tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify to true: the server's certificate`
}

// Near miss: the check posts data.
func Register(url, name string) error {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
	_, err := c.Post(url, "text/plain", strings.NewReader(name))
	return err
}

// Near miss: the request carries a body.
func Announce(url, name string) error {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
	req, err := http.NewRequest("PUT", url, strings.NewReader(name))
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

// Near miss: a handshake, then a write on the connection.
func Hello(addr string) error {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify to true: the server's certificate`
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte("HELLO\n"))
	return err
}

type monitor struct {
	base  string
	token string
}

// Near miss: the token goes out in the URL.
func (m *monitor) Up() bool {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
	resp, err := c.Get(m.base + "/health?token=" + m.token)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// TLSResult holds only answers.
type TLSResult struct {
	TLS         bool
	InsecureErr error
}

// TestTLS learns whether the server speaks TLS and whether its
// certificate verifies: a note.
func TestTLS(addr string) (*TLSResult, error) {
	var res TLSResult
	var cfg tls.Config
	cfg.InsecureSkipVerify = true // want `only learns whether a server answers`
	conn, err := tls.Dial("tcp", addr, &cfg)
	if err != nil {
		return nil, err
	}
	conn.Close()
	res.TLS = true
	verified, err := tls.Dial("tcp", addr, &tls.Config{})
	if err != nil {
		res.InsecureErr = err
		return &res, nil
	}
	verified.Close()
	return &res, nil
}

// BannerResult also carries what the server said.
type BannerResult struct {
	TLS    bool
	Banner string
}

// Near miss: the result carries data read from the unverified peer.
func Banner(addr string) (BannerResult, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // want `InsecureSkipVerify to true: the server's certificate`
	if err != nil {
		return BannerResult{}, err
	}
	defer conn.Close()
	buf := make([]byte, 64)
	n, _ := conn.Read(buf)
	return BannerResult{TLS: true, Banner: string(buf[:n])}, nil
}

// Reachable is an ACME HTTP-01 self-check: a GET with a User-Agent,
// redirects followed to hosts whose certificates may not be valid yet,
// a dialer rotating over resolvers; it returns only an error: a note.
func Reachable(url, want, userAgent string, resolvers []string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", userAgent)
	transport := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `only learns whether a server answers`
	}
	counter := 0
	transport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		d := net.Dialer{}
		counter++
		return d.DialContext(ctx, network, resolvers[counter%len(resolvers)])
	}
	resp, err := (&http.Client{Transport: transport}).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf := make([]byte, 128)
	n, _ := resp.Body.Read(buf)
	if string(buf[:n]) != want {
		return errors.New("unexpected answer")
	}
	return nil
}

// Near miss: the check sends an Authorization header.
func ReachableAuthed(url, user string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Basic "+user)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
	_, err = c.Do(req)
	return err
}

// Near miss: the header's name comes from the caller.
func ReachableHeader(url, name, value string) error {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set(name, value)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // want `InsecureSkipVerify to true: the server's certificate`
	_, err = c.Do(req)
	return err
}

var lastResolver int

// Near miss: the dialer writes a package variable.
func ReachableGlobal(url string, resolvers []string) error {
	transport := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want `InsecureSkipVerify to true: the server's certificate`
	}
	transport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		d := net.Dialer{}
		lastResolver++
		return d.DialContext(ctx, network, resolvers[lastResolver%len(resolvers)])
	}
	resp, err := (&http.Client{Transport: transport}).Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
