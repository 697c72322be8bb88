// Package meta stores repositories, tags, tokens and mirrors.
package meta

import (
	"context"
	"database/sql"
	"strings"
)

// Token is an opaque access token: Access lists "pull:<repo>" and "push:<repo>" grants.
type Token struct {
	ID      string
	UserID  string
	Access  []string
	IsAdmin bool
}

func (t *Token) Can(action, repo string) bool {
	for _, a := range t.Access {
		if a == action+":"+repo || a == action+":*" {
			return true
		}
	}
	return false
}

type APIKey struct {
	ID   string
	Team string
	Role string // "viewer", "operator"
}

type Mirror struct {
	ID          string
	OwnerKeyID  string
	UpstreamURL string
}

type Store struct{ DB *sql.DB }

func (s *Store) TokenByHash(ctx context.Context, hash string) (*Token, error) {
	var t Token
	var access string
	err := s.DB.QueryRowContext(ctx, `SELECT id, user_id, access, is_admin FROM tokens WHERE hash = $1 AND expires_at > now()`, hash).
		Scan(&t.ID, &t.UserID, &access, &t.IsAdmin)
	if err != nil {
		return nil, err
	}
	t.Access = strings.Split(access, " ")
	return &t, nil
}

func (s *Store) IssueToken(ctx context.Context, userID, hash, access string) error {
	_, err := s.DB.ExecContext(ctx, `INSERT INTO tokens (user_id, hash, access, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
		userID, hash, access)
	return err
}

func (s *Store) CheckPassword(ctx context.Context, user, password string) (string, string, error) {
	var id, access string
	err := s.DB.QueryRowContext(ctx, `SELECT id, access FROM users WHERE name = $1 AND password_hash = crypt($2, password_hash)`, user, password).
		Scan(&id, &access)
	return id, access, err
}

func (s *Store) Tags(ctx context.Context, repo string) ([]string, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT tag FROM tags WHERE repo = $1`, repo)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func (s *Store) DeleteTag(ctx context.Context, repo, tag string) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM tags WHERE repo = $1 AND tag = $2`, repo, tag)
	return err
}

func (s *Store) PutManifest(ctx context.Context, repo, ref string, body []byte) error {
	_, err := s.DB.ExecContext(ctx, `INSERT INTO manifests (repo, ref, body) VALUES ($1, $2, $3) ON CONFLICT (repo, ref) DO UPDATE SET body = $3`,
		repo, ref, body)
	return err
}

func (s *Store) SetVisibility(ctx context.Context, repo string, public bool) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE repos SET public = $2 WHERE name = $1`, repo, public)
	return err
}

func (s *Store) AddWebhook(ctx context.Context, repo, url string) error {
	_, err := s.DB.ExecContext(ctx, `INSERT INTO webhooks (repo, url) VALUES ($1, $2)`, repo, url)
	return err
}

func (s *Store) RunGC(ctx context.Context) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM blobs WHERE ref_count = 0`)
	return err
}

func (s *Store) SetQuota(ctx context.Context, userID string, gb int) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE users SET quota_gb = $2 WHERE id = $1`, userID, gb)
	return err
}

func (s *Store) APIKeyByHash(ctx context.Context, hash string) (*APIKey, error) {
	var k APIKey
	err := s.DB.QueryRowContext(ctx, `SELECT id, team, role FROM api_keys WHERE hash = $1`, hash).Scan(&k.ID, &k.Team, &k.Role)
	if err != nil {
		return nil, err
	}
	return &k, nil
}

func (s *Store) Mirror(ctx context.Context, id string) (*Mirror, error) {
	var m Mirror
	err := s.DB.QueryRowContext(ctx, `SELECT id, owner_key_id, upstream_url FROM mirrors WHERE id = $1`, id).
		Scan(&m.ID, &m.OwnerKeyID, &m.UpstreamURL)
	if err != nil {
		return nil, err
	}
	return &m, nil
}

func (s *Store) DeleteMirror(ctx context.Context, id string) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM mirrors WHERE id = $1`, id)
	return err
}

func (s *Store) UpdateMirror(ctx context.Context, id, upstream string) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE mirrors SET upstream_url = $2 WHERE id = $1`, id, upstream)
	return err
}

func (s *Store) QueueSync(ctx context.Context, id string) error {
	_, err := s.DB.ExecContext(ctx, `INSERT INTO sync_jobs (mirror_id) VALUES ($1)`, id)
	return err
}

func (s *Store) SetMirrorCredentials(ctx context.Context, id, user, password string) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE mirrors SET upstream_user = $2, upstream_password = $3 WHERE id = $1`, id, user, password)
	return err
}
