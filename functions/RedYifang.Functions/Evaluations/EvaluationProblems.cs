using System.Globalization;
using RedYifang.Functions.Platform.Periods;
using RedYifang.Functions.Platform.Problems;

namespace RedYifang.Functions.Evaluations;

/// <summary>The problems only two-way evaluation raises.</summary>
public static class EvaluationProblems
{
    private static string Instant(DateTimeOffset at) => ChinaTime.Of(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static RuleViolationException PairNotAllowed() =>
        new("evaluation_pair_not_allowed",
            new("不允许的评价对象", "This pair does not evaluate each other"),
            new("单位（志愿服务队）评价其所在的街道和社区；街道、社区评价辖区内的单位（志愿服务队）。",
                "A unit or volunteer team evaluates its street and its community; a street or community evaluates the units and volunteer teams within it."),
            new Dictionary<string, IReadOnlyList<LocalizedText>>
            {
                ["subjectOrgId"] = [new("不是评价方可以评价的组织", "is not an organisation the evaluator evaluates")],
            });

    public static ConflictException WindowNotOpen(EvaluationWindow window) =>
        new("evaluation_window_not_open",
            new("评价尚未开始", "The evaluation window is not open yet"),
            new LocalizedText("{0} 的评价于 {1} 开始，{2} 截止（北京时间）。", "Evaluations of {0} open at {1} and close at {2} (China Standard Time).")
                .Format(window.Period.Text, Instant(window.OpensAt), Instant(window.ClosesAt)));

    public static ConflictException WindowClosed(EvaluationWindow window) =>
        new("evaluation_window_closed",
            new("评价已截止", "The evaluation window has closed"),
            new LocalizedText("{0} 的评价已于 {1} 截止（北京时间）。", "Evaluations of {0} closed at {1} (China Standard Time).")
                .Format(window.Period.Text, Instant(window.ClosesAt)));

    public static ConflictException Exists(string period) =>
        new("evaluation_exists",
            new("本期已评价", "Already evaluated in this period"),
            new LocalizedText("评价方已对该组织作出 {0} 的评价：每期只能评价一次，提交后不能修改。",
                "The evaluator has evaluated this organisation for {0}: once a period, and it cannot be changed.").Format(period));
}
