
namespace RedYifang.Functions.Assessment;

public enum Indicator
{
    OrdersAccepted,
    ServiceHours,
    Beneficiaries,
    FundsGiven,
    CommitmentFulfilment,
    ActivityParticipation,
    Satisfaction,
    EvaluationsReceived,
    MedianResponseTime,
    CompletionRate,
    TraceCompleteness,
}
