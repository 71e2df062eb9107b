package fr.zlv.access;

import fr.zlv.platform.ZlvProperties;
import fr.zlv.shared.security.AdminOnly;
import fr.zlv.shared.security.PublicAccess;
import fr.zlv.shared.security.Roles;
import fr.zlv.territory.Establishment;
import fr.zlv.territory.EstablishmentManagement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their memberships: creation by admins, the CLI and the demo territory, invitations,
 * password resets, suspension and the narrowing of a user's perimeter.
 */
@Service
@Transactional
public class UserManagement {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** What {@link #invite} did. */
    public enum InvitationOutcome {
        /** a link to create the account was mailed */
        INVITED,
        /** the account already existed: it was added to the establishment and told by mail */
        MEMBERSHIP_ADDED
    }

    private final UserRepository users;
    private final LinkRepository links;
    private final PasswordEncoder passwordEncoder;
    private final Mailer mailer;
    private final EstablishmentManagement establishments;
    private final ZlvProperties properties;
    private final UserViews views;

    UserManagement(UserRepository users, LinkRepository links, PasswordEncoder passwordEncoder, Mailer mailer,
                   EstablishmentManagement establishments, ZlvProperties properties, UserViews views) {
        this.views = views;
        this.users = users;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
        this.establishments = establishments;
        this.properties = properties;
    }

    /**
     * Creates the user or updates it: names (when given), role, memberships (replaced by the given
     * list, in order) and, when given, the password (which also lifts a lock).
     */
    @AdminOnly
    public UserView upsertUser(String email, String firstName, String lastName, Role role,
                               List<Long> establishmentIds, String rawPasswordOrNull) {
        String cleanEmail = checkEmail(email);
        if (role == null) {
            throw new AccessInputException("role", "Le rôle est obligatoire (USUAL, ADMIN ou VISITOR).");
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(establishmentIds == null ? List.of() : establishmentIds));
        for (Long id : ids) {
            if (establishments.find(id).isEmpty()) {
                throw new AccessInputException("establishment", "Structure inconnue : " + id);
            }
        }
        String hash = rawPasswordOrNull == null ? null : passwordEncoder.encode(checkPassword(rawPasswordOrNull, rawPasswordOrNull));
        long id = users.findByEmail(cleanEmail).map(existing -> {
            users.update(existing.id(), blankToNull(firstName), blankToNull(lastName), role);
            if (hash != null) {
                users.setPassword(existing.id(), hash);
            }
            return existing.id();
        }).orElseGet(() -> users.insert(cleanEmail, blankToNull(firstName), blankToNull(lastName), role, hash));
        users.replaceMemberships(id, ids);
        return view(users.findById(id).orElseThrow());
    }

    /** Invites someone into an establishment: a mailed link valid 7 days lets them create their account. */
    @AdminOnly
    public InvitationOutcome invite(String email, long establishmentId, Role role) {
        String cleanEmail = checkEmail(email);
        if (role == null) {
            throw new AccessInputException("role", "Choisissez un rôle.");
        }
        Establishment establishment = establishments.find(establishmentId)
                .orElseThrow(() -> new AccessInputException("establishment", "Structure inconnue."));
        Optional<UserAccount> existing = users.findByEmail(cleanEmail);
        if (existing.isPresent()) {
            users.addMembership(existing.get().id(), establishmentId);
            mailer.send(cleanEmail, "Zéro Logement Vacant : accès à " + establishment.name(), """
                    Bonjour,

                    Vous avez désormais accès à la structure « %s » dans Zéro Logement Vacant.
                    Connectez-vous : %s/connexion

                    L'équipe Zéro Logement Vacant
                    """.formatted(establishment.name(), publicUrl()));
            return InvitationOutcome.MEMBERSHIP_ADDED;
        }
        String token = Secrets.newSecret();
        links.insertInvitation(Secrets.hash(token), cleanEmail, establishmentId, role, currentUserId());
        mailer.send(cleanEmail, "Invitation à rejoindre Zéro Logement Vacant", """
                Bonjour,

                Vous êtes invité(e) à rejoindre la structure « %s » dans Zéro Logement Vacant.
                Créez votre compte en suivant ce lien, valable 7 jours :
                %s/invitation/%s

                Si vous n'attendiez pas cette invitation, ignorez ce message.

                L'équipe Zéro Logement Vacant
                """.formatted(establishment.name(), publicUrl(), token));
        return InvitationOutcome.INVITED;
    }

    @PublicAccess
    @Transactional(readOnly = true)
    public Optional<InvitationView> findInvitation(String token) {
        return links.validInvitation(Secrets.hash(nullToEmpty(token)), false).map(invitation -> new InvitationView(
                invitation.email(), establishmentName(invitation.establishmentId()), invitation.role()));
    }

    /** Creates the invited account; the link can be used once. */
    @PublicAccess
    public void acceptInvitation(String token, String firstName, String lastName, String password, String confirmation) {
        var invitation = links.validInvitation(Secrets.hash(nullToEmpty(token)), true)
                .orElseThrow(() -> new InvalidLinkException(
                        "Ce lien d'invitation n'est plus valable (il a expiré ou a déjà servi). Demandez une nouvelle invitation à votre administrateur."));
        if (firstName == null || firstName.isBlank()) {
            throw new AccessInputException("firstName", "Le prénom est obligatoire.");
        }
        if (lastName == null || lastName.isBlank()) {
            throw new AccessInputException("lastName", "Le nom est obligatoire.");
        }
        String hash = passwordEncoder.encode(checkPassword(password, confirmation));
        if (users.findByEmail(invitation.email()).isPresent()) {
            throw new InvalidLinkException("Un compte existe déjà pour " + invitation.email() + ". Connectez-vous ou réinitialisez votre mot de passe.");
        }
        long id = users.insert(invitation.email(), firstName.trim(), lastName.trim(), invitation.role(), hash);
        users.addMembership(id, invitation.establishmentId());
        links.useInvitation(invitation.id());
    }

    /**
     * Mails a reset link valid 24 hours when the address belongs to an active account; answers the
     * same way otherwise, so that the form does not tell who has an account.
     */
    @PublicAccess
    public void requestPasswordReset(String email) {
        if (email == null || email.isBlank()) {
            throw new AccessInputException("email", "Saisissez votre adresse électronique.");
        }
        users.findByEmail(email.trim()).filter(user -> !user.suspended()).ifPresent(user -> {
            String token = Secrets.newSecret();
            links.insertReset(Secrets.hash(token), user.id());
            mailer.send(user.email(), "Zéro Logement Vacant : réinitialisation de votre mot de passe", """
                    Bonjour,

                    Pour choisir un nouveau mot de passe, suivez ce lien, valable 24 heures et une seule fois :
                    %s/mot-de-passe/nouveau/%s

                    Si vous n'avez pas fait cette demande, ignorez ce message : votre mot de passe ne change pas.

                    L'équipe Zéro Logement Vacant
                    """.formatted(publicUrl(), token));
        });
    }

    @PublicAccess
    @Transactional(readOnly = true)
    public boolean resetLinkValid(String token) {
        return links.validReset(Secrets.hash(nullToEmpty(token)), false).isPresent();
    }

    @PublicAccess
    public void resetPassword(String token, String password, String confirmation) {
        long userId = links.validReset(Secrets.hash(nullToEmpty(token)), true)
                .orElseThrow(() -> new InvalidLinkException(
                        "Ce lien de réinitialisation n'est plus valable (il a expiré ou a déjà servi). Faites une nouvelle demande."));
        String hash = passwordEncoder.encode(checkPassword(password, confirmation));
        users.setPassword(userId, hash);
        links.useResets(userId);
    }

    /** A suspended user can no longer sign in nor use its API tokens; its sessions end now. */
    @AdminOnly
    public void suspend(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new AccessInputException(null, "Utilisateur inconnu."));
        if (user.id() == currentUserIdOrZero()) {
            throw new AccessInputException(null, "Vous ne pouvez pas suspendre votre propre compte.");
        }
        users.setSuspended(userId, true);
        users.deleteSessions(user.email());
    }

    @AdminOnly
    public void reactivate(long userId) {
        users.findById(userId).orElseThrow(() -> new AccessInputException(null, "Utilisateur inconnu."));
        users.setSuspended(userId, false);
    }

    /**
     * Narrows the user's perimeter in one of its establishments to some of its communes; an empty
     * list gives the whole establishment perimeter back.
     */
    @AdminOnly
    public void narrowPerimeter(long userId, long establishmentId, Collection<String> communeCodes) {
        users.findById(userId).orElseThrow(() -> new AccessInputException(null, "Utilisateur inconnu."));
        if (!users.isMember(userId, establishmentId)) {
            throw new AccessInputException("establishmentId", "L'utilisateur n'est pas membre de cette structure.");
        }
        Set<String> codes = communeCodes == null ? Set.of() : communeCodes.stream().map(String::trim)
                .filter(c -> !c.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> perimeter = establishments.perimeter(establishmentId);
        List<String> outside = codes.stream().filter(c -> !perimeter.contains(c)).toList();
        if (!outside.isEmpty()) {
            throw new AccessInputException("communes", "Ces communes ne font pas partie du périmètre de la structure : "
                    + String.join(", ", outside) + ".");
        }
        users.replacePerimeter(userId, establishmentId, codes);
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public List<UserView> search(String query) {
        return users.search(query, 200).stream().map(this::view).toList();
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public Optional<UserView> find(long userId) {
        return users.findById(userId).map(this::view);
    }

    @AdminOnly
    @Transactional(readOnly = true)
    public Optional<UserView> findByEmail(String email) {
        return email == null ? Optional.empty() : users.findByEmail(email).map(this::view);
    }

    private UserView view(UserAccount user) {
        return views.view(user);
    }

    static String checkEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new AccessInputException("email", "L'adresse électronique est obligatoire.");
        }
        String clean = email.trim();
        if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
            throw new AccessInputException("email", "L'adresse électronique « " + clean + " » n'est pas valide.");
        }
        return clean;
    }

    static String checkPassword(String password, String confirmation) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccessInputException("password", "Le mot de passe doit contenir au moins " + MIN_PASSWORD_LENGTH + " caractères.");
        }
        // bcrypt reads at most 72 bytes: refuse rather than silently ignore the end of a long password
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new AccessInputException("password", "Le mot de passe est trop long (72 caractères au plus, moins s'il contient des accents).");
        }
        if (!password.equals(confirmation)) {
            throw new AccessInputException("confirmation", "Les deux mots de passe ne sont pas identiques.");
        }
        return password;
    }

    private String establishmentName(long id) {
        return Roles.asSystem(() -> establishments.find(id)).map(Establishment::name).orElse("");
    }

    private String publicUrl() {
        String url = properties.publicUrl() == null ? "http://localhost:8080" : properties.publicUrl().trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Long currentUserId() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AccessPrincipal p ? p.userId() : null;
    }

    private static long currentUserIdOrZero() {
        Long id = currentUserId();
        return id == null ? 0 : id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
