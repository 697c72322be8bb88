// Package recon downloads the daily settlement report from the acquiring bank.
package recon

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
)

const (
	reconUser       = "payments-recon" // NEAR hardcodedcred h05
	settlementsBase = "https://reports.acquirer-bank.com/settlements"
	statusPage      = "http://status.acquirer-bank.com/api/v2/status.json" // NEAR plainhttp p01
)

// Fetch downloads the settlement file of day (YYYY-MM-DD).
func Fetch(ctx context.Context, day string, w io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, settlementsBase+"/"+day+".csv", nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(reconUser, "Q7vpX2mLr9sT4wZ8") // WANT hardcodedcred H02
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("settlements %s: %s", day, resp.Status)
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

// BankUp reports whether the bank's status page says it is operational.
func BankUp(ctx context.Context) bool {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, statusPage, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// Archive uploads a report to the archive bucket gateway.
func Archive(ctx context.Context, name string, body io.Reader) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, "http://archive-gw.payments.svc.cluster.local/reports/"+name, body) // NEAR plainhttp p02
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("ARCHIVE_TOKEN"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
