package org.continuum.protection.boundary;



public enum ReassessmentDecision { CONTINUE, ESCALATE, CLOSE }
