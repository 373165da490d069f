namespace Kim.Casemanagement.StateMachine;

/// <summary>How triggers fired from inside an action (entry, exit, transition handler) are processed.</summary>
public enum FiringMode
{
    /// <summary>A trigger fired while another is being processed waits until that one has completed.</summary>
    Queued,

    /// <summary>A trigger fired while another is being processed is processed at once, nested.</summary>
    Immediate,
}
