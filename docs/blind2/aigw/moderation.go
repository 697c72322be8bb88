package aigw

import (
	"context"
	"net/http"
	"strings"
)

// moderationEndpoint is the in-cluster moderation sidecar.
const moderationEndpoint = "http://127.0.0.1:9400/moderate"

// Moderate asks the local sidecar whether text is allowed.
func Moderate(ctx context.Context, key, text string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, moderationEndpoint, strings.NewReader(text))
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// Embeddings calls the embeddings service of the search team.
func Embeddings(ctx context.Context, text string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://embed.search.internal/v1/embed", strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer 7c1e4a9b2f8d3e6a5c0b9d8e7f6a1b2c3d4e5f60")
	return http.DefaultClient.Do(req)
}

// Transcribe calls the speech vendor with the key in a header.
func Transcribe(ctx context.Context, audioURL string) (*http.Response, error) {
	bearer := "tr_live_4Nf8Qz2Lk7Wm1Xv9Rb3Tc6Yd0Pj5Hs"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.speechly.ai/v2/transcribe?url="+audioURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+bearer)
	return http.DefaultClient.Do(req)
}

// SplitPrompt breaks a prompt into whitespace tokens for counting.
func SplitPrompt(p string) int {
	tokens := strings.Fields(p)
	return len(tokens)
}

// authHeaderPrefix is what upstreams expect before the key.
const authHeaderPrefix = "Bearer "

// HasBearer reports whether an incoming header carries a bearer token.
func HasBearer(h string) bool {
	return strings.HasPrefix(h, authHeaderPrefix)
}
