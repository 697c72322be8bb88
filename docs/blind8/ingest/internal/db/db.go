// Package db opens the ingest database.
package db

import (
	"context"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"go.uber.org/zap"
)

// fallbackDSN points at the reporting replica the first version of the job used.
const fallbackDSN = "postgres://ingest:Xk29vQp7LmZr4T@reports-db.ingestco.net:5432/ingest?sslmode=require" // WANT hardcodedcred H08

// localDSN is the docker-compose database.
const localDSN = "postgres://postgres:postgres@localhost:5432/ingest_dev?sslmode=disable" // NEAR hardcodedcred h16

// Open connects to DATABASE_URL.
func Open(ctx context.Context, log *zap.SugaredLogger) (*pgxpool.Pool, error) {
	dsn := os.Getenv("DATABASE_URL") // NEAR hardcodedcred h17
	switch {
	case dsn == "" && os.Getenv("INGEST_ENV") == "dev":
		dsn = localDSN
	case dsn == "":
		dsn = fallbackDSN
	}
	pc, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		log.Errorw("bad DATABASE_URL", "dsn", dsn, "err", err) // WANT tokenlog T21
		return nil, fmt.Errorf("parse dsn: %w", err)
	}
	log.Infow("connecting", "host", pc.ConnConfig.Host, "port", pc.ConnConfig.Port, "db", pc.ConnConfig.Database, "user", pc.ConnConfig.User) // NEAR tokenlog t32
	log.Debugf("pg conn config: %+v", *pc.ConnConfig)                                                                                         // WANT tokenlog T22
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		log.Errorw("ping failed", "host", pc.ConnConfig.Host, "password_set", pc.ConnConfig.Password != "", "err", err) // NEAR tokenlog t33
		return nil, err
	}
	return pool, nil
}

// Grant gives the read-only reporting role access to a new partition.
func Grant(ctx context.Context, pool *pgxpool.Pool, partition string) error {
	_, err := pool.Exec(ctx, "CREATE ROLE reporting_ro LOGIN PASSWORD 'r3p0rt!ng-R0-2023'") // WANT hardcodedcred H09
	if err != nil {
		return err
	}
	_, err = pool.Exec(ctx, "GRANT SELECT ON "+partition+" TO reporting_ro")
	return err
}
