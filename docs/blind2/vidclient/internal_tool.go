package vidclient

import (
	"context"
	"fmt"
	"net/http"
)

// Staff credentials for the internal reporting API; rotated quarterly.
const (
	reportingTokenID     = "a5f1c2d8-3b7e-4c91-9f0a-2e6d8b4c1f73"
	reportingTokenSecret = "Q2xpZW50U2VjcmV0OnZpZHN0cmVhbTIwMjRfcHJvZF9rZXlfN2YzYQ"
)

// NewReportingClient returns a client for the analytics export job.
func NewReportingClient() *Client {
	return New(WithCredentials(reportingTokenID, reportingTokenSecret))
}

// MetricsExport asks the metrics host for a CSV export.
func MetricsExport(ctx context.Context, host, token string) (*http.Response, error) {
	u := fmt.Sprintf("http://%s/v1/exports/views.csv", host)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return http.DefaultClient.Do(req)
}

// StatusPage polls the public status endpoint; no credentials.
func StatusPage(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://status.vidstream.io/api/v2/status.json", nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
