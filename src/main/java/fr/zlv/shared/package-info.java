/**
 * Value types and contracts used by every module: territory scope, command-line commands,
 * the security meta-annotations that guard module APIs.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package fr.zlv.shared;
