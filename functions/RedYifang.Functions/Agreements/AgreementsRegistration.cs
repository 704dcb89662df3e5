using Microsoft.Extensions.DependencyInjection;
using RedYifang.Functions.Platform.Events;
using RedYifang.Functions.Platform.Storage;

namespace RedYifang.Functions.Agreements;

public static class AgreementsRegistration
{
    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddSingleton<AgreementStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<AgreementChanges>();
        services.AddSingleton<CreateAgreement>();
        services.AddSingleton<GetAgreement>();
        services.AddSingleton<ListAgreements>();
        services.AddSingleton<SignAgreement>();
        services.AddSingleton<CountersignAgreement>();
        services.AddSingleton<TerminateAgreement>();
        services.AddSingleton<ExpireAgreements>();
        services.AddSingleton<RaiseRenewalNotices>();
        services.AddSingleton<RunAgreementTimer>();
        services.AddSingleton<RecordDelivery>();
        services.AddSingleton<RecordFundsDelivery>();
        services.AddSingleton<IEventTranslator, FundsDeliveryTranslator>();
        services.AddSingleton<IEventTranslator, AgreementIntegrationEvents>();
        services.AddSingleton<IEventTranslator, DeliveryTranslator>();
        services.AddSingleton<IEventTranslator, ActivityDeliveryTranslator>();
        services.AddSingleton<Activities.IActivityAgreements, ActivityAgreements>();
        services.AddSingleton<Evidence.IEvidenceOwner, AgreementEvidenceOwner>();
        services.AddSingleton(new OutboxTable(AgreementStore.TableName));
        services.AddSingleton(new OutboxTable(DeliveryStore.TableName));
        return services;
    }
}
