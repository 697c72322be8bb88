// Package clients holds the accounts service's outgoing API clients.
package clients

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"

	"github.com/go-resty/resty/v2"
)

// Mailjet returns the transactional mail client.
func Mailjet(apiKey, apiSecret string) *resty.Client {
	return resty.New().
		SetBaseURL("http://api.mailjet.com/v3.1"). // WANT plainhttp P21
		SetBasicAuth(apiKey, apiSecret)
}

// MailHog returns the client of the local MailHog container (make dev).
func MailHog() *resty.Client {
	return resty.New().SetBaseURL("http://localhost:8025/api/v2") // NEAR plainhttp p20
}

const otlpEndpoint = "http://host.docker.internal:4318" // NEAR plainhttp p21

// Score asks the fraud-scoring service about a sign-up.
func Score(ctx context.Context, email, ip string) (float64, error) {
	u := url.URL{Scheme: "http", Host: "risk.fraudscore.io", Path: "/v2/score"} // WANT plainhttp P22
	body, _ := json.Marshal(map[string]string{"email": email, "ip": ip})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("X-Api-Key", "fs_live_7Hn2Qw9Xk4Lp8Rz3Tv6Yb1") // WANT hardcodedcred H16
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct {
		Score float64 `json:"score"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Score, err
}

// SMS sends a verification code through the on-premise SMS gateway.
type SMS struct {
	Host  string
	Token string
}

// Send sends code to phone.
func (s SMS) Send(ctx context.Context, phone, code string) error {
	endpoint := fmt.Sprintf("http://%s/v1/messages", s.Host) // WANT plainhttp P23
	body, _ := json.Marshal(map[string]string{"to": phone, "text": "Your code: " + code})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

const captchaSecret = "6LdK3xQpAAAAAB9vR2mX7Lq4Wz8Tn5Yc1Hk0pJ3e" // WANT hardcodedcred H17

// VerifyCaptcha checks a captcha response.
func VerifyCaptcha(response, remoteIP string) (bool, error) {
	resp, err := http.PostForm("http://captcha.verify-service.com/siteverify", url.Values{ // WANT plainhttp P24
		"secret":   {captchaSecret},
		"response": {response},
		"remoteip": {remoteIP},
	})
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var out struct {
		Success bool `json:"success"`
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out.Success, err
}

// Country looks up the country of an IP for the sign-in notification e-mail.
func Country(ip string) string {
	resp, err := http.Get("http://ip-api.com/line/" + ip + "?fields=countryCode") // NEAR plainhttp p22
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	return b.String()
}

// Alert posts to the security channel.
func Alert(msg string) error {
	body, _ := json.Marshal(map[string]string{"text": msg})
	resp, err := http.Post("https://hooks.slack.com/services/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", "application/json", bytes.NewReader(body)) // WANT hardcodedcred H18
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SendGrid is the fallback mail provider.
func SendGrid() *resty.Client {
	return resty.New().
		SetBaseURL("https://api.sendgrid.com/v3").
		SetAuthToken("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") // WANT hardcodedcred H19
}

// Directory is the LDAP directory the staff accounts come from.
type Directory struct {
	URL          string
	BindDN       string
	BindPassword string
}

// StaffDirectory is the corporate directory.
var StaffDirectory = Directory{
	URL:          "ldaps://ldap.corp.example:636",
	BindDN:       "cn=accounts,ou=services,dc=corp,dc=example",
	BindPassword: "Jm4tQ8zWx2Rv6NpK", // WANT hardcodedcred H20
}

// SampleConfig is written by `accounts init`.
const SampleConfig = `
github:
  client_id: "<your-client-id>"
  client_secret: "<your-client-secret>"
database:
  password: ${ACCOUNTS_DB_PASSWORD}
` // NEAR hardcodedcred h25

// DevGitHub is the GitHub app of the local development setup.
var DevGitHub = struct {
	ClientID     string
	ClientSecret string
	CallbackURL  string
}{
	ClientID:     "Iv1.dev-accounts",
	ClientSecret: "REPLACE_ME",                                    // NEAR hardcodedcred h26
	CallbackURL:  "http://127.0.0.1:8085/connect/github/callback", // NEAR plainhttp p23
}

// DocsURL is where the error message sends developers.
func requireKey() error {
	if os.Getenv("ACCOUNTS_FRAUD_KEY") == "" {
		return fmt.Errorf("no fraud key: register at http://developer.fraudscore.io and set ACCOUNTS_FRAUD_KEY") // NEAR plainhttp p24
	}
	log.Printf("fraud scoring enabled")
	return nil
}

var _ = requireKey

// SAML namespaces.
const (
	nsDSig      = "http://www.w3.org/2000/09/xmldsig#"       // NEAR plainhttp p25
	devIssuer   = "http://keycloak:8080/realms/accounts-dev" // NEAR plainhttp p26
	ldapBaseURL = "ldap://{host}:389"                        // NEAR plainhttp p27
)

var _, _, _ = nsDSig, devIssuer, ldapBaseURL

// PartnerIssuer is the partner IdP for B2B sign-in.
var PartnerIssuer = "http://id.partner-idp.com" // WANT plainhttp P25

// PartnerOAuth returns the partner IdP's client (the secret is read by the caller).
func PartnerOAuth(secret string) map[string]string {
	return map[string]string{
		"token_url":     PartnerIssuer + "/oauth/token",
		"client_id":     "accounts",
		"client_secret": secret,
	}
}

// LocalAccounts is the accounts service of a developer machine (mDNS name).
var LocalAccounts = resty.New().SetBaseURL("http://accounts.local:8080").SetAuthToken(os.Getenv("DEV_TOKEN")) // NEAR plainhttp p28

// Notify posts to a customer's webhook; the URL comes from the customer's settings and is checked when saved.
func Notify(ctx context.Context, hookURL string, payload []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hookURL, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// CRL is the revocation list of the partner CA.
func CRL() (*http.Response, error) {
	return http.Get("http://crl.partner-ca.com/partner-issuing-ca.crl") // NEAR plainhttp p29
}

// MetricsPush pushes to the in-VPC push gateway.
func MetricsPush(body []byte) error {
	resp, err := http.Post("http://pushgateway.monitoring.svc.cluster.local:9091/metrics/job/accounts", "text/plain", bytes.NewReader(body)) // NEAR plainhttp p30
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
