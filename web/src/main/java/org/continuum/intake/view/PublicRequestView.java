package org.continuum.intake.view;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.entity.RequestType;
import org.continuum.intake.boundary.PublicRequestService;
import org.continuum.intake.control.PublicRequest;
import jakarta.servlet.http.Part;
import org.continuum.platform.control.InvalidInput;


import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The public request form ({@code /request/}): works with and without JavaScript, keeps no session, and shows the
 * receipt code once, in the answer to the request that stored it. What the person typed stays in the form when a
 * refusal lists what to change.
 */
@Named
@RequestScoped
public class PublicRequestView {

    @Inject
    PublicRequestService service;

    @Inject
    PublicPage page;

    private boolean open;
    private String token;
    private String name;
    private String situation;
    private String country;
    private String city;
    private List<String> needs = new ArrayList<>();
    private List<String> languages = new ArrayList<>();
    private String messenger;
    private List<String> never = new ArrayList<>();
    private boolean consentStorage;
    private List<String> sharing = new ArrayList<>();
    private List<Part> files = new ArrayList<>();
    private List<String> problems = List.of();
    private String receiptCode;

    @PostConstruct
    void init() {
        open = service.open();
        token = service.formToken();
    }

    public void send() {
        String sent = token;
        token = service.formToken();
        try {
            PublicRequest request = new PublicRequest(name, situation, country, city, enums(RequestType.class, needs),
                    languages, messenger, enums(PublicRequest.Never.class, never), consentStorage,
                    enums(RequestType.class, sharing));
            receiptCode = service.submit(request, page.attachments(files), sent, page.clientAddress());
        } catch (InvalidInput refused) {
            problems = page.translate(refused.messageKeys());
        }
    }

    public List<Part> getFiles() {
        return files;
    }

    public void setFiles(List<Part> files) {
        this.files = files;
    }

    /** Values the page did not offer are dropped (the form's own lists are the only source of these codes). */
    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
        Set<E> set = EnumSet.noneOf(type);
        for (String n : names == null ? List.<String>of() : names) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(n)) {
                    set.add(value);
                }
            }
        }
        return set;
    }

    public RequestType[] getNeedOptions() {
        return RequestType.values();
    }

    public PublicRequest.Never[] getNeverOptions() {
        return PublicRequest.Never.values();
    }

    public boolean isOpen() {
        return open;
    }

    public List<String> getProblems() {
        return problems;
    }

    public String getReceiptCode() {
        return receiptCode;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSituation() {
        return situation;
    }

    public void setSituation(String situation) {
        this.situation = situation;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public List<String> getNeeds() {
        return needs;
    }

    public void setNeeds(List<String> needs) {
        this.needs = needs == null ? new ArrayList<>() : new ArrayList<>(needs);
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
    }

    public String getMessenger() {
        return messenger;
    }

    public void setMessenger(String messenger) {
        this.messenger = messenger;
    }

    public List<String> getNever() {
        return never;
    }

    public void setNever(List<String> never) {
        this.never = never == null ? new ArrayList<>() : new ArrayList<>(never);
    }

    public boolean isConsentStorage() {
        return consentStorage;
    }

    public void setConsentStorage(boolean consentStorage) {
        this.consentStorage = consentStorage;
    }

    public List<String> getSharing() {
        return sharing;
    }

    public void setSharing(List<String> sharing) {
        this.sharing = sharing == null ? new ArrayList<>() : new ArrayList<>(sharing);
    }
}
