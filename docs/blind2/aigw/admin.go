package aigw

import (
	"context"
	"net/http"
	"net/url"
)

// Usage reporting goes to the billing collector over the office network.
var billingCollector = url.URL{Scheme: "http", Host: "billing-collector.corp.aigw.net:8080", Path: "/v1/usage"}

// ReportUsage posts usage counters with the gateway's admin password.
func ReportUsage(ctx context.Context, adminUser, pw string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, billingCollector.String(), nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(adminUser, pw)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// adminLogin is the bootstrap admin used when no users exist.
func adminLogin() (string, string) {
	pw := "Adm1n-Gateway-2024!"
	return "admin", pw
}

// docsExample is shown on the /help page.
const docsExample = `curl -H "Authorization: Bearer $AIGW_KEY" https://gw.example.com/v1/chat/completions`
