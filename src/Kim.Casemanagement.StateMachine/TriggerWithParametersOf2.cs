namespace Kim.Casemanagement.StateMachine;

/// <summary>A trigger with two typed arguments.</summary>
public sealed class TriggerWithParameters<TTrigger, TArg0, TArg1> : TriggerWithParameters<TTrigger>
    where TTrigger : notnull
{
    /// <summary>Creates the trigger description.</summary>
    public TriggerWithParameters(TTrigger trigger)
        : base(trigger, typeof(TArg0), typeof(TArg1))
    {
    }
}
