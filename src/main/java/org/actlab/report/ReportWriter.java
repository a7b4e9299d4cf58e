package org.actlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.actlab.ActlabException;
import org.actlab.claims.Claim;
import org.actlab.claims.Measurement;
import org.actlab.claims.Outcome;
import org.actlab.io.Numbers;

/**
 * The report of a reproduction run as Markdown ({@code REPORT.md}, figures linked) and as one
 * self-contained HTML page ({@code report.html}, figures embedded), from the same values.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Everything a report shows. */
    public record Report(List<Claim> claims, List<Outcome> outcomes, List<Figure> figures, Provenance provenance) {
    }

    private static String status(Outcome o) {
        return switch (o.status()) {
            case PASS -> "PASS";
            case FAIL -> "**FAIL**";
            case MEASURED -> "measured";
            case OUT_OF_SCOPE -> "out of scope";
        };
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }

    private static long passed(Report r) {
        return r.outcomes().stream().filter(Outcome::passed).count();
    }

    /** The claims with a verdict (PASS or FAIL). */
    private static long ran(Report r) {
        return r.outcomes().stream().filter(Outcome::judged).count();
    }

    private static long measured(Report r) {
        return r.outcomes().stream().filter(o -> o.status() == Outcome.Status.MEASURED).count();
    }

    private static long outOfScope(Report r) {
        return r.outcomes().stream().filter(o -> !o.ran()).count();
    }

    /** "; 2 measured (…); 2 statements are listed as out of scope." (and how many claims ran shortened). */
    private static String rest(Report r) {
        long shortened = r.claims().stream().filter(c -> !c.shortened().isEmpty()).count();
        return (measured(r) > 0 ? measured(r) + " measured (small-scale analogues of experiments, reported as found, without a verdict); " : "")
                + outOfScope(r) + " statements are listed as out of scope."
                + (shortened > 0 ? " " + shortened + " claims ran in their shortened --quick forms (each claim's details say what "
                        + "they leave out)." : "");
    }

    /** The "met" cell: yes or no, or a dash for the measurements of an outcome without a verdict. */
    private static String met(Outcome o, Measurement m, String yes, String no) {
        return o.status() == Outcome.Status.MEASURED ? "–" : m.met() ? yes : no;
    }

    /** REPORT.md. */
    public static String markdown(Report r) {
        StringBuilder sb = new StringBuilder();
        Provenance p = r.provenance();
        sb.append("# actlab reproduction report\n\n");
        sb.append("Made by `").append(p.command()).append("` (actlab ").append(p.version()).append(", commit `")
                .append(p.commit()).append("`) on ").append(p.started()).append(" in ").append(seconds(p.seconds()))
                .append(" s. **").append(passed(r)).append(" of ").append(ran(r)).append(" claims passed**; ")
                .append(rest(r)).append("\n\n");
        sb.append("## Claims\n\n| claim | status | seconds | summary |\n|---|---|---|---|\n");
        for (Outcome o : r.outcomes()) {
            sb.append("| [`").append(o.id()).append("`](#").append(anchor(o.id())).append(") | ").append(status(o)).append(" | ")
                    .append(o.ran() ? seconds(o.seconds()) : "").append(" | ")
                    .append(cell(o.summary())).append(" |\n");
        }
        sb.append("\n## Figures\n\n");
        for (Figure f : r.figures()) {
            sb.append("### ").append(f.title()).append("\n\n![").append(f.title()).append("](").append(f.name())
                    .append(".png)\n\n").append(f.caption()).append(" ([SVG](").append(f.name()).append(".svg))\n\n");
        }
        sb.append("## Claim details\n\n");
        for (int i = 0; i < r.claims().size(); i++) {
            Claim c = r.claims().get(i);
            Outcome o = r.outcomes().get(i);
            sb.append("### ").append(c.id()).append("\n\n");
            sb.append("**").append(status(o).replace("*", "")).append("**");
            if (o.ran()) {
                sb.append(" in ").append(seconds(o.seconds())).append(" s");
            }
            sb.append(". ").append(o.summary()).append("\n\n");
            sb.append("*Statement.* ").append(c.statement()).append("\n\n");
            sb.append("*How it is checked.* ").append(c.method()).append("\n\n");
            if (!c.shortened().isEmpty()) {
                sb.append("*Shortened by `--quick`:* ").append(c.shortened()).append(".\n\n");
            }
            if (!o.measurements().isEmpty()) {
                sb.append("| measured | value | required | met |\n|---|---|---|---|\n");
                for (Measurement m : o.measurements()) {
                    sb.append("| ").append(cell(m.name())).append(" | ").append(Numbers.format(m.value())).append(" | ")
                            .append(cell(m.requirement())).append(" | ").append(met(o, m, "yes", "**no**")).append(" |\n");
                }
                sb.append('\n');
            }
        }
        sb.append("## Provenance\n\n");
        sb.append("- actlab ").append(p.version()).append(", commit `").append(p.commit()).append("`\n");
        sb.append("- command: `").append(p.command()).append("`\n");
        sb.append("- started ").append(p.started()).append(" (UTC), ").append(seconds(p.seconds())).append(" s\n");
        sb.append("- machine: ").append(p.machine()).append("\n");
        sb.append("- Java: ").append(p.java()).append("\n");
        sb.append("- seeds: ").append(String.join("; ", p.seeds())).append("\n");
        sb.append("- every number above is deterministic: a second run gives the same numbers and figures "
                + "(only the times and this provenance differ)\n");
        return sb.toString();
    }

    /** GitHub's heading anchor for a claim id heading ({@code xielu.properties} → {@code xieluproperties}). */
    private static String anchor(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** report.html: the same content, one file, figures embedded as PNG data. */
    public static String html(Report r, Path figureDir) {
        StringBuilder sb = new StringBuilder();
        Provenance p = r.provenance();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>actlab reproduction report</title>\n")
                .append("<style>body{font-family:'DejaVu Sans',sans-serif;max-width:1300px;margin:2em auto;padding:0 1em;"
                        + "line-height:1.45;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
                        + "padding:4px 8px;vertical-align:top;text-align:left}th{background:#f2f2f2}.PASS{color:#0a7a33;"
                        + "font-weight:bold}.FAIL{color:#b00020;font-weight:bold}.MEASURED{color:#1f4e8c;font-weight:bold}.OUT_OF_SCOPE{color:#777}"
                        + "img{max-width:100%;border:1px solid #eee}code{background:#f5f5f5;padding:0 3px}</style>\n</head><body>\n");
        sb.append("<h1>actlab reproduction report</h1>\n<p>Made by <code>").append(esc(p.command())).append("</code> (actlab ")
                .append(esc(p.version())).append(", commit <code>").append(esc(p.commit())).append("</code>) on ")
                .append(p.started()).append(" in ").append(seconds(p.seconds())).append(" s. <b>").append(passed(r))
                .append(" of ").append(ran(r)).append(" claims passed</b>; ").append(esc(rest(r))).append("</p>\n");
        sb.append("<h2>Claims</h2>\n<table><tr><th>claim</th><th>status</th><th>seconds</th><th>summary</th></tr>\n");
        for (Outcome o : r.outcomes()) {
            sb.append("<tr><td><a href=\"#").append(esc(o.id())).append("\"><code>").append(esc(o.id())).append("</code></a></td><td class=\"")
                    .append(o.status()).append("\">").append(status(o).replace("*", "")).append("</td><td>")
                    .append(o.ran() ? seconds(o.seconds()) : "").append("</td><td>")
                    .append(esc(o.summary())).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Figures</h2>\n");
        for (Figure f : r.figures()) {
            sb.append("<h3>").append(esc(f.title())).append("</h3>\n<img alt=\"").append(esc(f.title()))
                    .append("\" src=\"data:image/png;base64,").append(base64(figureDir.resolve(f.name() + ".png")))
                    .append("\">\n<p>").append(esc(f.caption())).append("</p>\n");
        }
        sb.append("<h2>Claim details</h2>\n");
        for (int i = 0; i < r.claims().size(); i++) {
            Claim c = r.claims().get(i);
            Outcome o = r.outcomes().get(i);
            sb.append("<h3 id=\"").append(esc(c.id())).append("\">").append(esc(c.id())).append("</h3>\n<p><span class=\"")
                    .append(o.status()).append("\">").append(status(o).replace("*", "")).append("</span> ")
                    .append(esc(o.summary())).append("</p>\n<p><i>Statement.</i> ").append(esc(c.statement()))
                    .append("</p>\n<p><i>How it is checked.</i> ").append(esc(c.method())).append("</p>\n");
            if (!c.shortened().isEmpty()) {
                sb.append("<p><i>Shortened by <code>--quick</code>:</i> ").append(esc(c.shortened())).append(".</p>\n");
            }
            if (!o.measurements().isEmpty()) {
                sb.append("<table><tr><th>measured</th><th>value</th><th>required</th><th>met</th></tr>\n");
                for (Measurement m : o.measurements()) {
                    sb.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(Numbers.format(m.value()))
                            .append("</td><td>").append(esc(m.requirement())).append("</td><td class=\"")
                            .append(met(o, m, "PASS\">yes", "FAIL\">no")).append("</td></tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        sb.append("<h2>Provenance</h2>\n<ul><li>actlab ").append(esc(p.version())).append(", commit <code>").append(esc(p.commit()))
                .append("</code></li><li>command: <code>").append(esc(p.command())).append("</code></li><li>started ")
                .append(p.started()).append(" (UTC), ").append(seconds(p.seconds())).append(" s</li><li>machine: ")
                .append(esc(p.machine())).append("</li><li>Java: ").append(esc(p.java())).append("</li><li>seeds: ")
                .append(esc(String.join("; ", p.seeds()))).append("</li></ul>\n</body></html>\n");
        return sb.toString();
    }

    /** claims.json: every outcome with its measurements, for programs. */
    public static String json(Report r) {
        org.actlab.io.Json j = new org.actlab.io.Json();
        j.beginObject().field("version", r.provenance().version()).field("commit", r.provenance().commit())
                .field("passed", passed(r)).field("ran", ran(r)).field("measured", measured(r)).name("claims").beginArray();
        for (int i = 0; i < r.outcomes().size(); i++) {
            Outcome o = r.outcomes().get(i);
            j.beginObject().field("id", o.id()).field("status", o.status().name()).field("summary", o.summary());
            String shortened = r.claims().get(i).shortened();
            if (!shortened.isEmpty()) {
                j.field("shortened", shortened);
            }
            j.field("seconds", o.seconds()).name("measurements").beginArray();
            for (Measurement m : o.measurements()) {
                j.beginObject().field("name", m.name()).field("value", m.value()).field("requirement", m.requirement())
                        .name("met").value(m.met()).endObject();
            }
            j.endArray().endObject();
        }
        j.endArray().name("figures").beginArray();
        for (Figure f : r.figures()) {
            j.beginObject().field("name", f.name()).field("title", f.title()).field("png", f.name() + ".png")
                    .field("svg", f.name() + ".svg").endObject();
        }
        return j.endArray().endObject().text();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String base64(Path png) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new ActlabException("cannot read the figure " + png + ": " + e.getMessage());
        }
    }
}
