// Command llmgw is the LLM gateway.
package main

import (
	"io"
	"log/slog"
	"net/http"
	"os"

	"github.com/hashicorp/go-hclog"

	"example.com/blind8/llmgw/internal/obs"
	"example.com/blind8/llmgw/internal/tenant"
	"example.com/blind8/llmgw/internal/upstream"
)

func main() {
	sl := obs.NewLogger(slog.LevelInfo)
	hl := hclog.New(&hclog.LoggerOptions{Name: "llmgw", Level: hclog.Info, JSONFormat: true})
	dir := tenant.New(hl, sl, nil, os.Getenv("LLMGW_DEV") == "1")
	openai := upstream.OpenAI(sl)
	hl.Info("providers", "openai_base", openai.BaseURL, "openai_key_set", openai.APIKey != "") // NEAR tokenlog t26
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", func(w http.ResponseWriter, r *http.Request) {
		t, err := dir.Authenticate(r)
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		body, _ := io.ReadAll(r.Body)
		out, err := openai.Complete(r.Context(), body)
		if err != nil {
			dir.Named(t).Error("completion failed", "err", err)
			http.Error(w, "upstream", http.StatusBadGateway)
			return
		}
		w.Write(out)
	})
	hl.Error("server", "err", http.ListenAndServe(":8090", mux))
}
