package fr.zlv.admin.web;

/** A commune of an establishment's perimeter on the detail page. */
public record CommuneLine(String code, String name, String departement, String population) {
}
