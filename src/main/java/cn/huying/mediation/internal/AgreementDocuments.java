package cn.huying.mediation.internal;

import cn.huying.mediation.DisputeState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;

/**
 * Word documents (POI) kept with a dispute: the mediation agreement 人民调解协议书 (parties, facts, terms with the
 * amount and the performance deadline, signature lines, the organisation's seal as a placeholder) and the notice of a
 * failed or ended mediation 调解不成/终止调解告知书 with the routes left to the parties.
 */
@Component
class AgreementDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final String FONT = "宋体";

    private final Clock clock;

    AgreementDocuments(Clock clock) {
        this.clock = clock;
    }

    /** Money as 8,000.00, exact (the amount is BigDecimal at scale 2). */
    static String yuan(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setParseBigDecimal(true);
        return f.format(amount);
    }

    byte[] agreement(Disputes.Detail d, List<Disputes.PartyFull> parties, String terms, BigDecimal amount,
                     LocalDate performanceDue, String mediator, Instant at) {
        try (XWPFDocument doc = new XWPFDocument()) {
            title(doc, "人民调解协议书");
            line(doc, "编号：" + d.summary().code() + "（事件 " + d.summary().caseCode() + "）", false, ParagraphAlignment.RIGHT);
            partyLines(doc, parties);
            line(doc, "纠纷类型：" + d.summary().typeLabel(), false, null);
            heading(doc, "一、纠纷主要事实、争议事项");
            line(doc, d.facts(), false, null);
            heading(doc, "二、经调解，自愿达成如下协议");
            int n = 1;
            for (String t : terms.split("\\r?\\n")) {
                if (!t.isBlank()) {
                    line(doc, n++ + ". " + t.strip(), false, null);
                }
            }
            if (amount != null) {
                line(doc, n++ + ". 给付金额：人民币 " + yuan(amount) + " 元，于 " + DATE.format(performanceDue)
                        + " 前履行完毕。", true, null);
            }
            heading(doc, "三、履行方式、时限");
            line(doc, performanceDue == null ? "按上述协议条款履行。"
                    : "当事人应于 " + DATE.format(performanceDue) + " 前履行完毕；调解组织将回访履行情况。", false, null);
            line(doc, "本协议经双方当事人签名、调解员签名并加盖调解组织印章后生效。当事人可自本协议生效之日起三十日内"
                    + "共同向人民法院申请司法确认。本协议一式三份，双方当事人、调解组织各执一份。", false, null);
            heading(doc, "当事人签名");
            for (Disputes.PartyFull p : parties) {
                line(doc, p.sideLabel() + "（签名）：____________    " + p.name() + "    日期：________", false, null);
            }
            line(doc, "调解员（签名）：____________    " + mediator + "    日期：________", false, null);
            line(doc, "调解组织：" + d.summary().orgName(), false, ParagraphAlignment.RIGHT);
            line(doc, "（调解组织印章）", false, ParagraphAlignment.RIGHT);
            line(doc, DATE.format(LocalDate.ofInstant(at, clock.getZone())), false, ParagraphAlignment.RIGHT);
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] routes(Disputes.Detail d, List<Disputes.PartyFull> parties, DisputeState state, String note,
                  List<String> routes, String mediator, Instant at) {
        try (XWPFDocument doc = new XWPFDocument()) {
            title(doc, state == DisputeState.FAILED ? "调解不成告知书" : "终止调解告知书");
            line(doc, "编号：" + d.summary().code() + "（事件 " + d.summary().caseCode() + "）", false, ParagraphAlignment.RIGHT);
            partyLines(doc, parties);
            heading(doc, "一、纠纷事实");
            line(doc, d.facts(), false, null);
            heading(doc, "二、调解情况");
            line(doc, note, false, null);
            heading(doc, "三、当事人可选择的途径");
            int n = 1;
            for (String r : routes) {
                line(doc, n++ + ". " + r, false, null);
            }
            line(doc, "调解员：" + mediator, false, null);
            line(doc, "调解组织：" + d.summary().orgName() + "（印章）", false, ParagraphAlignment.RIGHT);
            line(doc, DATE.format(LocalDate.ofInstant(at, clock.getZone())), false, ParagraphAlignment.RIGHT);
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void partyLines(XWPFDocument doc, List<Disputes.PartyFull> parties) {
        for (Disputes.PartyFull p : parties) {
            line(doc, p.sideLabel() + "：" + p.name() + (p.idNumber() == null ? "" : "，身份证号码 " + p.idNumber())
                    + (p.phone() == null ? "" : "，联系电话 " + p.phone()), false, null);
        }
    }

    private static void title(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setBold(true);
        r.setFontSize(18);
        r.setFontFamily(FONT);
        r.setText(text);
    }

    private static void heading(XWPFDocument doc, String text) {
        line(doc, text, true, null);
    }

    private static void line(XWPFDocument doc, String text, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        if (align != null) {
            p.setAlignment(align);
        }
        XWPFRun r = p.createRun();
        r.setBold(bold);
        r.setFontSize(12);
        r.setFontFamily(FONT);
        r.setText(text == null ? "" : text);
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
