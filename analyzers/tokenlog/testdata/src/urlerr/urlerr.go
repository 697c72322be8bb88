package urlerr

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/url"

	"urlerrlib"
)

func run(ctx context.Context, c *urlerrlib.Client) {
	if _, err := c.Views(ctx, "1"); err != nil {
		log.Printf("views: %v", err) // want `error of Client.(Do|Get) holding the request URL with`
	}
	if err := c.Send("hi"); err != nil {
		slog.Error("send failed", "err", err) // want `error of Client.(Do|Get) holding the request URL with`
	}
	if err := c.Raw(ctx); err != nil {
		log.Println(err) // want `error of Client.(Do|Get) holding the request URL with`
	}
	if err := c.Search(ctx, "cats"); err != nil {
		log.Printf("search: %s", err) // want `error of Client.Do holding the request URL with`
	}
	if err := c.Geocode(ctx, "1 Main St"); err != nil {
		log.Printf("geocode: %v", err) // want `error of Client.do holding the request URL with`
	}
	if err := c.Me(ctx); err != nil {
		log.Printf("me: %v", err)
	}
	if err := c.Headered(ctx); err != nil {
		log.Printf("items: %v", err)
	}
	if err := c.Form(); err != nil {
		log.Printf("token: %v", err)
	}
	if err := c.Body(ctx); err != nil {
		log.Printf("check: %v", err)
	}
	if err := c.Status(); err != nil {
		log.Printf("health: %v", err)
	}
	if err := c.Plain(2); err != nil {
		log.Printf("public: %v", err)
	}
	if err := c.Basic("svc"); err != nil {
		log.Printf("me: %v", err)
	}
	if err := c.BasicText("api.example.com", "svc"); err != nil {
		log.Printf("me: %v", err)
	}
	if _, err := c.Views(ctx, "2"); err != nil {
		log.Print("views failed")
	}
	if _, err := c.Views(ctx, "3"); errors.Is(err, context.DeadlineExceeded) {
		log.Print("views timed out")
	}
}

type poller struct {
	hc      *http.Client
	feedURL string
	token   string
}

// poll logs the error of a request whose query holds the token.
func (p *poller) poll() {
	resp, err := p.hc.Get(p.feedURL + "?token=" + p.token)
	if err != nil {
		log.Printf("poll: %v", err) // want `error of Client.(Do|Get) holding the request URL with`
		return
	}
	resp.Body.Close()
}

// pollQuiet logs only that the poll failed.
func (p *poller) pollQuiet() {
	resp, err := p.hc.Get(p.feedURL + "?token=" + p.token)
	if err != nil {
		log.Printf("poll failed (timeout: %t)", errors.Is(err, context.DeadlineExceeded))
		return
	}
	resp.Body.Close()
}

// pollText logs the error's text.
func (p *poller) pollText() {
	resp, err := p.hc.Get(p.feedURL + "?token=" + p.token)
	if err != nil {
		log.Print("poll: " + err.Error()) // want `error of Client.Get holding the request URL with`
		return
	}
	resp.Body.Close()
}

type notifier struct {
	hc        *http.Client
	base      string
	hookToken string
}

// notify posts to a hook whose path holds the token.
func (n *notifier) notify(ctx context.Context) {
	resp, err := urlerrlib.PostJSON(ctx, n.hc, n.base+"/hooks/"+n.hookToken, nil)
	if err != nil {
		log.Printf("notify: %v", err) // want `error of urlerrlib.PostJSON holding the request URL with`
		return
	}
	resp.Body.Close()
}

// notifyRedacted replaces the URL of the error before logging it.
func (n *notifier) notifyRedacted(ctx context.Context) {
	resp, err := urlerrlib.PostJSON(ctx, n.hc, n.base+"/hooks/"+n.hookToken, nil)
	if err != nil {
		log.Printf("notify: %v", redactURL(err))
		return
	}
	resp.Body.Close()
}

// notifyPublic posts to a hook without a credential.
func (n *notifier) notifyPublic(ctx context.Context) {
	resp, err := urlerrlib.PostJSON(ctx, n.hc, n.base+"/hooks/public", nil)
	if err != nil {
		log.Printf("notify: %v", err)
		return
	}
	resp.Body.Close()
}

func redactURL(err error) error {
	var e *url.Error
	if errors.As(err, &e) {
		e.URL = "<redacted>"
	}
	return err
}

// authClient asks an auth server about a client's secret: the secret
// goes in the query of a GET, through a helper named for it.
type authClient struct {
	AuthSecret string
}

func getJSON(endpoint string) error {
	req, err := http.NewRequest(http.MethodGet, endpoint, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func queryAuthd(authd, remoteIP, authSecret string) error {
	v := url.Values{}
	v.Set("remote_ip", remoteIP)
	v.Set("secret", authSecret)
	if err := getJSON(fmt.Sprintf("%s?%s", authd, v.Encode())); err != nil {
		return fmt.Errorf("auth against %s: %w", authd, err)
	}
	return nil
}

func (c *authClient) query() error {
	return queryAuthd("https://auth.internal/auth", "10.0.0.1", c.AuthSecret)
}

func (c *authClient) Auth(secret string) error { // want Auth:`result 0 is error of queryAuthd holding the request URL`
	c.AuthSecret = secret
	return c.query()
}

func authorize(c *authClient, secret string) {
	if err := c.Auth(secret); err != nil {
		log.Printf("AUTH failed: %s", err) // want `error of queryAuthd holding the request URL with secret in field AuthSecret returned by authClient.Auth reaches log.Printf`
	}
}

// vault builds errors from its client secret and from its length.
type vault struct {
	clientSecret string
}

func (v *vault) login() error {
	return fmt.Errorf("login failed with secret %s", v.clientSecret) // want `secret in field clientSecret is put in an error message by fmt.Errorf`
}

func (v *vault) loginQuiet() error {
	return fmt.Errorf("login failed (secret of %d bytes)", len(v.clientSecret))
}

func unseal(v *vault) {
	if err := v.login(); err != nil {
		log.Printf("vault: %v", err) // want `secret in field clientSecret put in an error by fmt.Errorf returned by vault.login reaches log.Printf`
	}
	if err := v.loginQuiet(); err != nil {
		log.Printf("vault: %v", err)
	}
}

// A URL template from the configuration filled with the user name and
// the password (devtron's Grafana client: "http://%s:%s@grafana/..."):
// the pair is the URL's user info, which net/http strips from the URL
// of its errors. Near miss: a template filled with a token alone may put
// it in the query or the path, and stays reported.
type grafana struct {
	DestinationURL  string
	GrafanaUsername string
	GrafanaPassword string
	APIToken        string
	client          *http.Client
}

func (g *grafana) datasources() {
	url := fmt.Sprintf(g.DestinationURL, g.GrafanaUsername, g.GrafanaPassword)
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	if _, err := g.client.Do(req); err != nil {
		log.Printf("grafana: %v", err)
	}
}

func (g *grafana) annotations() {
	url := fmt.Sprintf(g.DestinationURL, g.APIToken)
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return
	}
	if _, err := g.client.Do(req); err != nil {
		log.Printf("grafana: %v", err) // want `error of Client.Do holding the request URL with`
	}
}
