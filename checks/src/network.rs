//! Shared logic of the network exposure checks (ports, CIDRs).
