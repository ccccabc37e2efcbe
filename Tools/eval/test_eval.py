#!/usr/bin/env python3
"""Tests of the HTML converter and the boilerplate scorer (unittest; a few seconds).

    python3 -m unittest discover -s Tools/eval -p 'test_*.py'

The end-to-end cases run the real nazif binary (NAZIF_BIN, else .build/release/nazif) and are
skipped when there is none; the peer cases are skipped when jusText is not importable.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_report import score  # noqa: E402
from eval_sets import (ALL, LABELLED, BadData, Doc, check_split, read_labels, read_manifest,  # noqa: E402
                       seeds_set)
from eval_tools import _apply_removals, run_justext, run_nazif, run_trafilatura  # noqa: E402
from html_to_lines import html_to_lines  # noqa: E402

REPO = HERE.parents[1]
NAZIF = os.environ.get("NAZIF_BIN", str(REPO / ".build/release/nazif"))
HAVE_NAZIF = os.access(NAZIF, os.X_OK)
HAVE_JUSTEXT = importlib.util.find_spec("justext") is not None
HAVE_TRAFILATURA = importlib.util.find_spec("trafilatura") is not None


class HtmlToLinesTests(unittest.TestCase):
    CASES = [
        ("<p>أ <b>ب</b></p><p>ج</p>", ["أ ب", "ج"]),                       # inline stays, blocks cut
        ("<li>x<br>y</li><li>z</li>", ["x", "y", "z"]),                    # br and li cut
        ("<div>a<script>var s='<p>no</p>';</script>b</div>", ["a", "b"]),  # script skipped, cuts
        ("<style>p{}</style><noscript>n</noscript><template><p>t</p></template><p>k</p>", ["k"]),
        ("<head><title>T</title></head><body><h1>H</h1></body>", ["H"]),   # head not visible
        ("<p>  a \n\t b&nbsp;c  </p>", ["a b c"]),                          # white space collapsed
        ("<p>&laquo;اقرأ&raquo; &amp; &#1575;</p>", ["«اقرأ» & ا"]),        # entities decoded
        ("<table><tr><td>1</td><td>2</td></tr></table>", ["1", "2"]),      # cells cut
        ("<svg><text>s</text></svg><p>after</p>", ["after"]),
        ("<div><p></p><p> </p></div>", []),                                 # no empty lines
        ("<p>a<span>b</span>c", ["abc"]),                                   # unclosed at end
        ("<noscript><b>x</noscript><p>y</p>", ["y"]),                       # bad nesting in skip
    ]

    def test_cases(self):
        for html, expected in self.CASES:
            with self.subTest(html=html):
                self.assertEqual(html_to_lines(html), expected)

    def test_cli_writes_file_whole(self):
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp, "p.html")
            page.write_text("<p>واحد</p><p>اثنان</p>", encoding="utf-8")
            out = Path(tmp, "p.txt")
            run = subprocess.run([sys.executable, str(HERE / "html_to_lines.py"), str(page), "-o", str(out)])
            self.assertEqual(run.returncode, 0)
            self.assertEqual(out.read_text(encoding="utf-8"), "واحد\nاثنان\n")
            missing = subprocess.run([sys.executable, str(HERE / "html_to_lines.py"), str(Path(tmp, "no.html"))],
                                     capture_output=True, text=True)
            self.assertEqual(missing.returncode, 66)
            self.assertIn("no.html", missing.stderr)

    def test_windows_1256_page(self):
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp, "p.html")
            page.write_bytes('<meta charset="windows-1256"><p>مرحبا</p>'.encode("cp1256"))
            from html_to_lines import read_html
            self.assertEqual(html_to_lines(read_html(str(page))), ["مرحبا"])


class LabelTests(unittest.TestCase):
    def write(self, tmp, text, labels):
        txt, lab = Path(tmp, "s-1.txt"), Path(tmp, "s-1.labels")
        txt.write_text(text, encoding="utf-8")
        lab.write_text(labels, encoding="utf-8")
        return txt, lab

    def test_blank_lines_are_not_scored(self):
        with tempfile.TemporaryDirectory() as tmp:
            lines, labels = read_labels(*self.write(tmp, "a\n\nb\n\ufeff\n", "A\nB\nB\nB\n"))
            self.assertEqual(labels, ["A", None, "B", None])
            self.assertEqual(len(lines), 4)

    def test_count_mismatch_and_bad_label_are_bad_data(self):
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaisesRegex(BadData, "2 labels for 3 lines"):
                read_labels(*self.write(tmp, "a\nb\nc\n", "A\nB\n"))
            with self.assertRaisesRegex(BadData, r"s-1.labels:2: label 'C'"):
                read_labels(*self.write(tmp, "a\nb\n", "A\nC\n"))

    def test_committed_labels_pair_with_a_text_elsewhere_and_its_digest_is_checked(self):
        import eval_sets
        with tempfile.TemporaryDirectory() as tmp:
            root, labels = Path(tmp, "private"), Path(tmp, "labels")
            (root / "tune").mkdir(parents=True)
            (labels / "tune").mkdir(parents=True)
            txt = root / "tune/site-1.txt"
            txt.write_text("title\n\nmenu\n", encoding="utf-8")
            (labels / "tune/site-1.labels").write_text("A\n\nB\n", encoding="utf-8")
            (labels / "tune/gone-1.labels").write_text("A\n", encoding="utf-8")
            saved = eval_sets.LABELS
            eval_sets.LABELS = labels
            try:
                digest = eval_sets.text_sha256(txt)
                docs = eval_sets.labelled_dir("tune", [root], {"tune/site-1.txt": digest})
                self.assertEqual([(d.name, d.labels) for d in docs], [("tune/site-1", ["A", None, "B"])])
                self.assertEqual(eval_sets.missing_texts("tune", [root]), ["tune/gone-1.txt"])
                with self.assertRaisesRegex(BadData, "SHA-256 is not the manifest"):
                    eval_sets.labelled_dir("tune", [root], {"tune/site-1.txt": "0" * 64})
            finally:
                eval_sets.LABELS = saved

    def test_site_in_two_splits_is_refused(self):
        rows = [{"site": "x", "split": "tune"}, {"site": "x", "split": "check"}, {"site": "y", "split": "check"}]
        with self.assertRaisesRegex(BadData, r"two labelled splits: x \(check and tune\)"):
            check_split(rows)
        check_split(rows[1:])
        with self.assertRaisesRegex(BadData, r"y \(check and holdout\)"):
            check_split(rows[1:] + [{"site": "y", "split": "holdout"}])
        check_split(rows[1:] + [{"site": "z", "split": "holdout"}, {"site": "z", "split": "holdout"}])

    def test_holdout_is_scored_only_when_named(self):
        self.assertIn("holdout", LABELLED)
        self.assertNotIn("holdout", ALL)

    def test_holdout_rows_are_other_sites_with_committed_labels(self):
        rows = read_manifest()
        holdout = [row for row in rows if row["split"] == "holdout"]
        self.assertGreaterEqual(len(holdout), 24)
        self.assertGreaterEqual(len({row["site"] for row in holdout}), 18)

        def host(url):
            return url.split("://", 1)[-1].split("/", 1)[0].removeprefix("www.")

        others = {host(row["source_path"]) for row in rows if row["split"] != "holdout"}
        labels = REPO / "eval/boilerplate/labels/holdout"
        for row in holdout:
            self.assertNotIn(host(row["source_path"]), others, row["file"])
            self.assertRegex(row["text_sha256"], r"^[0-9a-f]{64}$")
            self.assertTrue(row["query"] and row["rank"].isdigit(), row["file"])
            self.assertTrue((labels / (Path(row["file"]).stem + ".labels")).exists(), row["file"])
        self.assertEqual(sorted(p.stem for p in labels.glob("*.labels")),
                         sorted(Path(row["file"]).stem for row in holdout))

    def test_repository_manifest_is_consistent(self):
        rows = read_manifest()
        check_split(rows)
        for row in rows:
            self.assertIn(row["split"], LABELLED)
            self.assertIn(row["location"], ("repo", "private"))
            self.assertTrue(row["file"].startswith(row["split"] + "/"), row["file"])
            self.assertRegex(row["commit"], r"^([0-9a-f]{40}|-)$")
            if row["location"] == "repo":
                self.assertTrue((REPO / "eval/boilerplate" / row["file"]).exists(), row["file"])


class ScoreTests(unittest.TestCase):
    def test_score_counts_kept_article_and_removed_boilerplate(self):
        doc = Doc("t/x-1", "x", ["a1", "b1", "a2", "", "b2"], ["A", "B", "A", None, "B"])
        _apply_removals(doc, [{"line": 2, "rule": "marker.share"}, {"line": 3, "rule": "list.teasers"}])
        self.assertEqual(score([doc], "nazif"), (1, 2, 1, 2))
        self.assertEqual(doc.rules[3], "list.teasers")
        self.assertIsNone(score([doc], "jusText"))

    def test_explain_record_of_the_real_cli_format(self):
        # One record as `nazif clean --explain-file` writes it (seeds/000, first removal).
        record = json.loads('{"source":"s.txt","lines":58,"removed":[{"line":25,"start":3297,"end":3321,'
                            '"rule":"marker.source","detail":"المصدر"}]}')
        doc = Doc("t/s-1", "s", ["x"] * 58, ["A"] * 58)
        _apply_removals(doc, record["removed"])
        self.assertFalse(doc.verdicts["nazif"][24])
        self.assertEqual(sum(doc.verdicts["nazif"]), 57)
        self.assertEqual(doc.rules[25], "marker.source (المصدر)")

    def test_seed_gold_comes_from_the_goldens(self):
        docs = seeds_set()
        self.assertEqual(len(docs), 5)
        removed = sum(1 for row in (REPO / "seeds/expected/000.removed.tsv").read_text().splitlines() if row)
        self.assertEqual(sum(l == "B" for l in docs[0].labels), removed)


@unittest.skipUnless(HAVE_NAZIF, f"no nazif binary at {NAZIF}")
class EndToEndTests(unittest.TestCase):
    def test_scorer_runs_nazif_on_a_page(self):
        with tempfile.TemporaryDirectory() as tmp:
            private = Path(tmp, "private")
            (private / "tune").mkdir(parents=True)
            (private / "check").mkdir()
            body = ("وقال الوزير في مؤتمر صحفي عقده اليوم إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة "
                    "من الإجراءات الجديدة لدعم الأسر المتضررة، مضيفا أن التنفيذ سيبدأ فورا في كل المحافظات.")
            (private / "tune/site-1.txt").write_text(f"{body}\nاقرأ أيضا\n{body}\n", encoding="utf-8")
            (private / "tune/site-1.labels").write_text("A\nB\nA\n", encoding="utf-8")
            env = dict(os.environ, NAZIF_EVAL_PRIVATE=str(private))
            run = subprocess.run([sys.executable, str(HERE / "eval_boilerplate.py"), "--nazif", NAZIF,
                                  "--sets", "tune", "--no-peers", "--misses"], capture_output=True, text=True, env=env)
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertRegex(run.stdout, r"\ntune\s+\d+\s+\d+\s+\d+\s+\d+")

    def test_holdout_set_is_scored_when_named(self):
        with tempfile.TemporaryDirectory() as tmp:
            private = Path(tmp, "private")
            (private / "holdout").mkdir(parents=True)
            body = ("وقال الوزير في مؤتمر صحفي عقده اليوم إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة "
                    "من الإجراءات الجديدة لدعم الأسر المتضررة، مضيفا أن التنفيذ سيبدأ فورا في كل المحافظات.")
            (private / "holdout/site-1.txt").write_text(f"الرئيسية\n{body}\n", encoding="utf-8")
            (private / "holdout/site-1.labels").write_text("B\nA\n", encoding="utf-8")
            env = dict(os.environ, NAZIF_EVAL_PRIVATE=str(private))
            script = [sys.executable, str(HERE / "eval_boilerplate.py"), "--nazif", NAZIF, "--no-peers"]
            run = subprocess.run(script + ["--sets", "holdout"], capture_output=True, text=True, env=env)
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertRegex(run.stdout, r"\nholdout\s+1\s+1\s+1\s+1\s")

    def test_together_cleans_a_site_in_one_run_and_maps_each_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            body = ("وقال الوزير في مؤتمر صحفي عقده اليوم إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة "
                    "من الإجراءات الجديدة لدعم الأسر المتضررة، مضيفا أن التنفيذ سيبدأ فورا في كل المحافظات.")
            docs = []
            for n in (1, 2, 3):
                path = Path(tmp, f"s-{n}.txt")
                path.write_text(f"جميع الحقوق محفوظة لموقع المثال {2020}\n{body} {n}\n", encoding="utf-8")
                docs.append(Doc(f"t/s-{n}", "s", ["جميع الحقوق محفوظة لموقع المثال 2020", f"{body} {n}"],
                                   ["B", "A"], path))
            run_nazif(NAZIF, docs, together=True)
            for doc in docs:
                self.assertEqual(len(doc.verdicts["nazif"]), 2)
                self.assertTrue(doc.verdicts["nazif"][1], doc.rules)

    def test_exit_codes(self):
        script = [sys.executable, str(HERE / "eval_boilerplate.py")]
        self.assertEqual(subprocess.run(script + ["--nazif", NAZIF, "--sets", "nope"], capture_output=True).returncode, 64)
        misses = subprocess.run(script + ["--nazif", NAZIF, "--sets", "check,holdout", "--misses"],
                                capture_output=True, text=True)
        self.assertEqual(misses.returncode, 64)
        self.assertIn("holdout", misses.stderr)
        self.assertEqual(subprocess.run(script + ["--nazif", "/no/such/nazif"], capture_output=True).returncode, 66)
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "tune").mkdir()
            Path(tmp, "tune/bad-1.txt").write_text("a\nb\n", encoding="utf-8")
            Path(tmp, "tune/bad-1.labels").write_text("A\n", encoding="utf-8")
            env = dict(os.environ, NAZIF_EVAL_PRIVATE=tmp)
            bad = subprocess.run(script + ["--nazif", NAZIF, "--sets", "tune", "--no-peers"],
                                 capture_output=True, text=True, env=env)
            self.assertEqual(bad.returncode, 65)
            self.assertIn("bad-1.labels", bad.stderr)


@unittest.skipUnless(HAVE_JUSTEXT, "jusText is not importable (Tools/eval/setup_eval_venv.sh)")
class PeerTests(unittest.TestCase):
    def test_justext_verdict_per_line(self):
        long = ("وقال الوزير في مؤتمر صحفي عقده اليوم إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة من "
                "الإجراءات الجديدة لدعم الأسر المتضررة من الأزمة، مضيفا أن التنفيذ سيبدأ فورا في كل المحافظات "
                "وأن الميزانية المخصصة لذلك تكفي لتغطية احتياجات العام المقبل كله بحسب تقديرات الوزارة.")
        doc = Doc("t/x-1", "x", ["الرئيسية", long, "", "تسجيل الدخول"], ["B", "A", None, "B"])
        self.assertTrue(run_justext([doc]))
        self.assertEqual(len(doc.verdicts["jusText"]), 4)
        self.assertTrue(doc.verdicts["jusText"][1])
        self.assertFalse(doc.verdicts["jusText"][0])

    def test_trafilatura_on_html_and_on_plain_lines(self):
        if not HAVE_TRAFILATURA:
            self.skipTest("trafilatura is not importable")
        body = ("وقال الوزير في مؤتمر صحفي عقده اليوم إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة من "
                "الإجراءات الجديدة لدعم الأسر المتضررة من الأزمة، مضيفا أن التنفيذ سيبدأ فورا في كل المحافظات.")
        with tempfile.TemporaryDirectory() as tmp:
            html = Path(tmp, "p.html")
            html.write_text(f"<html><body><nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/a'>رياضة</a></li>"
                            f"</ul></nav><article><h1>عنوان الخبر</h1><p>{body}</p><p>{body}</p></article>"
                            f"<footer><p>جميع الحقوق محفوظة</p></footer></body></html>", encoding="utf-8")
            doc = Doc("t/x-1", "x", ["الرئيسية", "رياضة", body, body], ["B", "B", "A", "A"], html=html)
            self.assertTrue(run_trafilatura([doc]))
        self.assertEqual(doc.verdicts["trafilatura"], [False, False, True, True])
        self.assertEqual(len(doc.verdicts["traf-text"]), 4)


if __name__ == "__main__":
    unittest.main()
