// Package job pulls events from the vendor API and stores them.
package job

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"

	"go.uber.org/zap"
)

// VendorConfig configures the vendor pull.
type VendorConfig struct {
	BaseURL   string
	AccountID string
	APIToken  string
	PageSize  int
}

// vendorSandboxToken is the documented public sandbox token of the vendor's API docs.
const vendorSandboxToken = "sandbox-token" // NEAR hardcodedcred h19

// tokenHeader names the vendor's auth header.
const tokenHeader = "X-Vendor-Token" // NEAR hardcodedcred h20

// Load reads the vendor config.
func Load() VendorConfig {
	return VendorConfig{
		BaseURL:   "https://api.eventvendor.com/v2",
		AccountID: os.Getenv("VENDOR_ACCOUNT"),
		APIToken:  os.Getenv("VENDOR_TOKEN"),
		PageSize:  500,
	}
}

// Puller pages through vendor events.
type Puller struct {
	Cfg  VendorConfig
	HTTP *http.Client
	Log  *zap.SugaredLogger
}

// Pull fetches one page.
func (p *Puller) Pull(ctx context.Context, cursor string) ([]json.RawMessage, string, error) {
	u := fmt.Sprintf("%s/accounts/%s/events?limit=%d&cursor=%s", p.Cfg.BaseURL, p.Cfg.AccountID, p.Cfg.PageSize, cursor)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set(tokenHeader, p.Cfg.APIToken)
	p.Log.Debugw("pull", "url", u, "account", p.Cfg.AccountID) // NEAR tokenlog t37
	resp, err := p.HTTP.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusForbidden {
		p.Log.Errorf("vendor refused token for account %s: %+v", p.Cfg.AccountID, p.Cfg) // WANT tokenlog T25
		return nil, "", fmt.Errorf("vendor: forbidden")
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, "", err
	}
	var page struct {
		Events []json.RawMessage `json:"events"`
		Next   string            `json:"next_cursor"`
	}
	if err := json.Unmarshal(b, &page); err != nil {
		return nil, "", err
	}
	p.Log.Infow("page", "events", len(page.Events), "next_cursor", page.Next) // NEAR tokenlog t38
	return page.Events, page.Next, nil
}

// Backfill pulls history from the vendor's export API, which uses basic auth.
func Backfill(ctx context.Context, day string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://export.eventvendor.com/v1/days/"+day, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth("ingestco-export", "Wq7#pLx2!Nz9vRt4") // WANT hardcodedcred H19
	return http.DefaultClient.Do(req)
}

// passwordMask replaces passwords in echoed DSNs.
const passwordMask = "********" // NEAR hardcodedcred h30

// Sandbox returns a puller against the vendor's public sandbox.
func Sandbox(log *zap.SugaredLogger) *Puller {
	cfg := VendorConfig{BaseURL: "https://sandbox.eventvendor.com/v2", AccountID: "acct_demo", APIToken: vendorSandboxToken, PageSize: 50}
	log.Infow("sandbox puller", "token", cfg.APIToken) // NEAR tokenlog t39
	return &Puller{Cfg: cfg, HTTP: http.DefaultClient, Log: log}
}
