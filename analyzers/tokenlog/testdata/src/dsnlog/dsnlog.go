// Package dsnlog: a database connection string holds the database password.
package dsnlog

import (
	"database/sql"
	"fmt"
	"log"
	"log/slog"
	"net/url"
	"os"
	"strings"
)

type Config struct {
	DatabaseURL  string
	DatabaseName string
	DBHost       string
	RedisURL     string
}

const envDatabaseURL = "DATABASE_URL"

func connect(cfg *Config) (*sql.DB, error) {
	db, err := sql.Open("postgres", cfg.DatabaseURL)
	if err != nil {
		slog.Error("database unavailable", "dsn", cfg.DatabaseURL, "err", err) // want `database connection string \(and any password in it\) in field DatabaseURL reaches slog.Error`
		return nil, err
	}
	return db, nil
}

func fromEnv() {
	log.Printf("connecting to %s", os.Getenv("DATABASE_URL")) // want `database connection string \(and any password in it\) in environment variable DATABASE_URL reaches log.Printf`
	mongoURI := os.Getenv("MONGO_URL")
	log.Println("mongo", mongoURI) // want `reaches log.Println`
}

func openDSN(dsn string) {
	if _, err := sql.Open("mysql", dsn); err != nil {
		log.Printf("open %q: %v", dsn, err) // want `database connection string \(and any password in it\) in parameter dsn reaches log.Printf`
	}
}

func redis(cfg Config) {
	slog.Info("cache", "redis", cfg.RedisURL) // want `reaches slog.Info`
}

// Near misses: parts, redacted forms, lengths, names and env-var names.
func nearMisses(cfg *Config) {
	u, err := url.Parse(cfg.DatabaseURL)
	if err == nil {
		slog.Info("database", "host", u.Host, "db", strings.TrimPrefix(u.Path, "/"))
		slog.Info("database", "url", u.Redacted())
	}
	slog.Info("database", "name", cfg.DatabaseName, "host", cfg.DBHost)
	log.Printf("%s is set (%d bytes)", envDatabaseURL, len(cfg.DatabaseURL))
	log.Printf("using %s", redactDSN(cfg.DatabaseURL))
	dbURLTemplate := "postgres://%s@%s/%s"
	log.Printf("template %s", dbURLTemplate)
}

func redactDSN(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "invalid"
	}
	return u.Redacted()
}

type DBConfig struct {
	Host, Name, User, Password string
}

// Built in sight: the format shows what the string holds, and a
// password in it is followed through its own argument.
func builtInSight(c DBConfig, path string) {
	dbString := fmt.Sprintf("host=%s dbname=%s user=%s", c.Host, c.Name, c.User)
	log.Printf("postgres %s", dbString)
	connectionString := fmt.Sprintf("file:%s?_journal_mode=WAL", path)
	log.Printf("sqlite %s", connectionString)
	redactedConnString := connString(c, true)
	log.Printf("mysql %s", redactedConnString)
	withPassword := fmt.Sprintf("host=%s user=%s password=%s", c.Host, c.User, c.Password)
	log.Printf("postgres %s", withPassword) // want `field Password`
}

// connString builds the DSN, with the password masked when redacted.
func connString(c DBConfig, redacted bool) string {
	pw := c.Password
	if redacted {
		pw = "***"
	}
	return fmt.Sprintf("%s:%s@tcp(%s)/%s", c.User, pw, c.Host, c.Name)
}

// Out of sight: a connection string another package hands back keeps
// its name's hint.
func outOfSight() {
	brokerURL := strings.TrimSpace(os.Getenv("BROKER_ENDPOINT"))
	log.Printf("broker %s", brokerURL) // want `database connection string \(and any password in it\) in variable brokerURL`
}

type ProviderConfig struct {
	Driver           string
	ConnectionString string
}

// One configured connection string, opened by the SQLite provider as a
// file name and by the PostgreSQL provider as a server's DSN.
func openSQLite(c ProviderConfig) {
	if _, err := sql.Open("sqlite3", c.ConnectionString); err != nil {
		log.Printf("sqlite %q: %v", c.ConnectionString, err)
	}
}

func openPostgres(c ProviderConfig) {
	if _, err := sql.Open("postgres", c.ConnectionString); err != nil {
		log.Printf("postgres %q: %v", c.ConnectionString, err) // want `database connection string \(and any password in it\) in field ConnectionString`
	}
}

func maskedPair(c DBConfig) {
	redacted, err := connStringErr(c, true)
	if err == nil {
		log.Printf("mysql %s", redacted)
	}
}

func connStringErr(c DBConfig, redacted bool) (string, error) {
	return connString(c, redacted), nil
}

// openFile stands for a SQLite dialector constructor (gorm's
// sqlite.Open): its driver name says what it opens.
func openFile(driver, name string) error {
	_, err := sql.Open(driver, name)
	return err
}

// Near miss: the path is cut from the connection string, expanded and
// opened as a SQLite file; what is logged is that file's name and
// options.
func openStore(driver, dsn string) {
	if driver == "sqlite" {
		path, params, _ := strings.Cut(dsn, "?")
		conn := strings.TrimSpace(path) + "?" + params
		log.Println("using sqlite database:", conn)
		_, _ = sql.Open("sqlite3", conn)
	}
}

// Positive: the same shape opened as a server's DSN.
func openServer(driver, dsn string) {
	host, params, _ := strings.Cut(dsn, "?")
	conn := host + "?" + params
	log.Println("using database:", conn) // want `database connection string \(and any password in it\) in parameter dsn`
	_ = openFile("postgres", conn)
}

// Near miss: the string is handed to a function that opens it as a
// SQLite file; the log that function writes names a file.
func newInstance(driver, dsn string) {
	openStore(driver, dsn)
}

type Stats struct{ DSN string }

type Observability struct {
	SentryDSN string
	Stats     Stats
	StoreDSN  string
}

// Near misses: a monitoring service's DSN (an error tracker's public
// key and project, a statsd address) is no database login; the store's
// DSN beside them is.
func observability(o *Observability) {
	slog.Info("sentry", "dsn", o.SentryDSN)
	slog.Debug("statsd metrics enabled", "metrics_dsn", o.Stats.DSN)
	slog.Info("store", "dsn", o.StoreDSN) // want `database connection string \(and any password in it\) in field StoreDSN`
}

// Near misses: the "data source name" of a log or object source, whose
// scheme the function tests or strips (file://, s3://): a glob or a
// bucket, no login.
func configureFile(dsn string) error {
	if !strings.HasPrefix(dsn, "file://") {
		return fmt.Errorf("invalid DSN %s for file source", dsn) // silent: a file source
	}
	dsn = strings.TrimPrefix(dsn, "file://")
	log.Printf("will try pattern %s", dsn) // silent: a file glob
	return nil
}

func configureS3(dsn string) {
	rest := strings.TrimPrefix(dsn, "s3://")
	parts := strings.Split(rest, "/")
	log.Printf("bucket parts: %v", parts) // silent: a bucket and key
}

// Positive: a scheme that carries a login (a Loki or database URL).
func configureLoki(dsn string) {
	if !strings.HasPrefix(dsn, "loki://") {
		return
	}
	log.Printf("loki source %s", dsn) // want `database connection string \(and any password in it\) in parameter dsn`
}

// RedisCloserOptions names its store, so its URL list holds the
// connection strings (cosmo's router).
type RedisCloserOptions struct {
	URLs     []string
	Password string
	Addr     string
}

// Positive: a connection URL of a store-named struct, ranged over.
func clusterURLs(opts *RedisCloserOptions) {
	for _, raw := range opts.URLs[1:] {
		if _, err := url.Parse(raw); err != nil {
			log.Printf("skipping invalid Redis URL %q", raw) // want `database connection string \(and any password in it\) in field URLs`
		}
	}
	log.Printf("primary %s", opts.URLs[0]) // want `database connection string \(and any password in it\) in field URLs`
}

// WebhookOptions names no store: its URL is an endpoint.
type WebhookOptions struct {
	URL  string
	URLs []string
}

// Near misses: a store's address (host and port, no login), and the
// URLs of a struct not named for a store.
func addresses(r *RedisCloserOptions, w WebhookOptions) {
	log.Printf("redis at %s", r.Addr)
	log.Printf("webhook %s", w.URL)
	for _, u := range w.URLs {
		log.Printf("webhook %s", u)
	}
}

// InfluxDB names a database whose HTTP URLs carry no login: its user,
// password and token sit in fields beside them (telegraf's output).
type InfluxDB struct {
	URLs     []string
	Username string
	Password string
}

// Near miss: the URL of a store-named struct whose store is only "DB".
func influxWrite(i *InfluxDB, n int) {
	log.Printf("writing to %q failed", i.URLs[n])
}
