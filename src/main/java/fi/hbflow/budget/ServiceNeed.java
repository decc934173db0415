package fi.hbflow.budget;

/** One line of the assessed need (palvelutarve): a service type and its amount per month in the type's unit. */
public record ServiceNeed(String serviceType, int amountPerMonth) {
}
