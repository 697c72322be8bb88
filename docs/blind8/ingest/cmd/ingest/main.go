// Command ingest runs the vendor ingest loop.
package main

import (
	"context"
	"net/http"
	"os"
	"time"

	"go.uber.org/zap"

	"example.com/blind8/ingest/internal/blob"
	"example.com/blind8/ingest/internal/db"
	"example.com/blind8/ingest/internal/job"
)

func main() {
	zl, _ := zap.NewProduction()
	log := zl.Sugar()
	ctx := context.Background()
	pool, err := db.Open(ctx, log)
	if err != nil {
		log.Fatalw("db", "err", err)
	}
	defer pool.Close()
	st, err := blob.New(ctx, os.Getenv("INGEST_BUCKET"), log)
	if err != nil {
		log.Fatalw("s3", "err", err)
	}
	cfg := job.Load()
	log.Infow("vendor", "base", cfg.BaseURL, "account", cfg.AccountID, "token_len", len(cfg.APIToken)) // NEAR tokenlog t40
	p := &job.Puller{Cfg: cfg, HTTP: &http.Client{Timeout: 30 * time.Second}, Log: log}
	cursor := ""
	for {
		evs, next, err := p.Pull(ctx, cursor)
		if err != nil {
			log.Errorw("pull", "err", err)
			time.Sleep(time.Minute)
			continue
		}
		for i, e := range evs {
			_, _ = st.Put(ctx, next+"-"+time.Now().Format("150405")+"-"+string(rune('a'+i%26)), e)
		}
		cursor = next
	}
}
