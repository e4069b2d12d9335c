package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Rename gives assessment id a new name. ErrExists when another assessment
// has it, ErrNotFound when id does not exist.
func (s *Store) Rename(ctx context.Context, id int64, newName string) error {
	if err := checkName(newName); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE assessments SET name = ?, updated_at = ? WHERE id = ?`,
			newName, formatTime(time.Now()), id)
		if isUnique(err) {
			return fmt.Errorf("assessment %q: %w", newName, ErrExists)
		}
		if err != nil {
			return fmt.Errorf("renaming assessment %d: %w", id, err)
		}
		return mustAffect(res, fmt.Sprintf("assessment %d", id))
	})
}
