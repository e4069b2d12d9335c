// Command benchdata writes data of real shape for the README's scaling
// tables: a question bank of N questions grown from the built-in one, or a
// database of N demo-sized assessments.
//
//	go run ./cmd/benchdata -bank 5000 -o bank.yaml
//	go run ./cmd/benchdata -assessments 10000 -db bench.db
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/gapmap/gapmap/internal/scaledata"
	"github.com/gapmap/gapmap/internal/store"
)

func main() {
	bank := flag.Int("bank", 0, "write a question bank of this many questions")
	out := flag.String("o", "", "with -bank, the file to write (default: standard output)")
	n := flag.Int("assessments", 0, "fill -db with this many demo-sized assessments")
	db := flag.String("db", "", "with -assessments, the database (created if missing)")
	flag.Parse()
	if err := run(*bank, *out, *n, *db); err != nil {
		fmt.Fprintln(os.Stderr, "benchdata:", err)
		os.Exit(1)
	}
}

func run(bank int, out string, n int, db string) error {
	switch {
	case bank > 0:
		data, err := scaledata.Bank(bank)
		if err != nil {
			return err
		}
		if out == "" {
			_, err = os.Stdout.Write(data)
			return err
		}
		return os.WriteFile(out, data, 0o644)
	case n > 0 && db != "":
		s, err := store.Open(db)
		if err != nil {
			return err
		}
		defer s.Close()
		return scaledata.Fill(context.Background(), s, n, func(done int) {
			fmt.Fprintf(os.Stderr, "%d of %d\n", done, n)
		})
	}
	flag.Usage()
	return fmt.Errorf("give -bank N, or -assessments N with -db FILE")
}
