namespace Kim.Casemanagement.StateMachine;

/// <summary>A trigger with one typed argument.</summary>
public sealed class TriggerWithParameters<TTrigger, TArg0> : TriggerWithParameters<TTrigger>
    where TTrigger : notnull
{
    /// <summary>Creates the trigger description.</summary>
    public TriggerWithParameters(TTrigger trigger)
        : base(trigger, typeof(TArg0))
    {
    }
}
