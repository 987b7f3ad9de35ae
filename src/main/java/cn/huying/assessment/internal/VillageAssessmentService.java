package cn.huying.assessment.internal;

import cn.huying.assessment.VillageAssessment;
import cn.huying.identity.CurrentUser;
import cn.huying.region.RegionView;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class VillageAssessmentService implements VillageAssessment {

    private final VillageSheets sheets;
    private final ThreeDownFigures threeDown;
    private final Scopes scopes;

    VillageAssessmentService(VillageSheets sheets, ThreeDownFigures threeDown, Scopes scopes) {
        this.sheets = sheets;
        this.threeDown = threeDown;
        this.scopes = scopes;
    }

    @Override
    public VillageSheet sheet(long villageId, int year, CurrentUser viewer) {
        return sheets.sheet(villageId, year, viewer);
    }

    @Override
    @Transactional
    public VillageSheet setTargets(long villageId, int year, List<TargetInput> targets, CurrentUser by) {
        return sheets.setTargets(villageId, year, targets, by);
    }

    @Override
    public Checklist checklist(long regionId, int year, String checklist, CurrentUser viewer) {
        return sheets.checklist(regionId, year, checklist, viewer);
    }

    @Override
    @Transactional
    public Checklist recordChecklist(long regionId, int year, String checklist, List<ChecklistInput> answers,
                                     CurrentUser by) {
        return sheets.recordChecklist(regionId, year, checklist, answers, by);
    }

    @Override
    @Transactional
    public void recordMonth(long villageId, YearMonth month, MonthFigures figures, CurrentUser by) {
        threeDown.record(sheets.village(villageId, by), month, figures, by.username());
    }

    @Override
    @Transactional
    public int importMonths(InputStream xlsx, CurrentUser by) {
        Map<String, RegionView> byName = new HashMap<>();
        for (RegionView v : threeDown.villages(scopes.prefix(by, null))) {
            byName.put(v.name(), v);
        }
        List<ThreeDownImport.Line> lines = ThreeDownImport.read(xlsx, byName);
        for (ThreeDownImport.Line l : lines) {
            threeDown.record(l.village(), l.month(), l.figures(), by.username());
        }
        return lines.size();
    }

    @Override
    public ThreeDown threeDown(YearMonth from, YearMonth to, Long regionId, CurrentUser viewer) {
        return threeDown.figures(from, to, regionId, viewer);
    }
}
