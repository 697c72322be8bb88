// Package search pushes pages to the hosted search index.
package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// Indexer talks to the index.
type Indexer struct {
	Base, Token, WebhookURL string
}

// Push indexes a page.
func (ix *Indexer) Push(slug, text string) error {
	b, _ := json.Marshal(map[string]string{"slug": slug, "text": text})
	resp, err := http.Post(fmt.Sprintf("%s/indexes/wiki/documents?token=%s", ix.Base, ix.Token), "application/json", bytes.NewReader(b)) // WANT credexposure C09
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Remove deletes a page from the index, with the token in the header.
func (ix *Indexer) Remove(slug string) error {
	req, err := http.NewRequest(http.MethodDelete, fmt.Sprintf("%s/indexes/wiki/documents/%s", ix.Base, slug), nil) // NEAR credexposure c12
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+ix.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Announce posts to the chat webhook; the URL itself is the secret (path token).
func (ix *Indexer) Announce(msg string) error {
	b, _ := json.Marshal(map[string]string{"text": msg})
	resp, err := http.Post(ix.WebhookURL, "application/json", bytes.NewReader(b)) // NEAR credexposure c13
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
